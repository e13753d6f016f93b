/** The tools this server offers sessions; none until the VFS and built-in tools arrive. */
package dev.lightspeed.server.tools;
