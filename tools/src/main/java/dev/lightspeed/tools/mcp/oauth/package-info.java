/**
 * OAuth 2.1 for remote MCP servers, as the MCP authorization spec describes it: discovery of the authorization
 * server, dynamic client registration, the authorization code flow with PKCE S256 and resource indicators, and
 * token refresh. Over {@code java.net.http} and Jackson; it holds no state.
 */
package dev.lightspeed.tools.mcp.oauth;
