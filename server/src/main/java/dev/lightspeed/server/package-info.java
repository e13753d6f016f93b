/**
 * The Lightspeed server process: configuration from the environment, the process roles (gateway, worker or
 * both) and their assembly around the Temporal-hosted runtime.
 */
package dev.lightspeed.server;
