/** What glob and grep share: gitignore-style glob patterns and the bounds every search runs under. */
package dev.lightspeed.tools.search;
