/** Store conformance suites every backend runs, with the manual clock and log entries they are written against. */
package dev.lightspeed.testkit.store;
