/** {@code lightspeed sessions list|show|close|delete}: the sessions a gateway holds. */
package dev.lightspeed.cli.sessions;
