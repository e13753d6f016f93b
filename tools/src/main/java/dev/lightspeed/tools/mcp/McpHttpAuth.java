package dev.lightspeed.tools.mcp;

import java.util.Map;
import java.util.Optional;

/**
 * The headers that authenticate requests to a remote MCP server, asked for just before each request so secrets
 * stay sealed until then and a token about to expire can be refreshed first. Implementations define equality:
 * endpoints with equal auth share a connection.
 */
public interface McpHttpAuth {
  /** No headers. */
  McpHttpAuth NONE = new StaticHeaders(Map.of());

  /** {@return the headers for the next request} @throws RuntimeException when they cannot be had (the request fails) */
  Map<String, String> headers();

  /**
   * Called when the server answered 401 to a request sent with {@code rejected} as its {@code Authorization}
   * header. {@return whether new credentials were obtained (e.g. a refreshed token), so the request is worth
   * retrying once}
   */
  default boolean renew(Optional<String> rejected) {
    return false;
  }

  /** {@return whether requests carry no authentication at all} */
  default boolean none() {
    return false;
  }

  /** Fixed headers, e.g. {@code Authorization: Bearer …} given with the endpoint. {@link #toString} names them only. */
  record StaticHeaders(Map<String, String> headers) implements McpHttpAuth {
    public StaticHeaders {
      headers = Map.copyOf(headers);
    }

    @Override
    public boolean none() {
      return headers.isEmpty();
    }

    @Override
    public String toString() {
      return headers.isEmpty() ? "no auth" : "headers " + new java.util.TreeMap<>(headers).keySet();
    }
  }
}
