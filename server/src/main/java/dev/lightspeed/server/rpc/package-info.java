/**
 * The JSON-RPC 2.0 endpoint: reading requests, the method table that dispatches them to one handler per
 * method, and the single place where failures become the contract's error objects.
 */
package dev.lightspeed.server.rpc;
