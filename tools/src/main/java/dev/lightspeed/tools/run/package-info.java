/** Running one tool on a local directory, for the {@code lightspeed tool run} command and conformance suites. */
package dev.lightspeed.tools.run;
