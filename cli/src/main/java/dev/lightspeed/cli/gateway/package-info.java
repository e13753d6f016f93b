/**
 * The client side of the gateway: JSON-RPC calls, the session stream (server-sent events), where the gateway
 * is ({@code --api-url}, {@code LIGHTSPEED_API_URL} or an embedded one) and the typed failures a command
 * reports as one line.
 */
package dev.lightspeed.cli.gateway;
