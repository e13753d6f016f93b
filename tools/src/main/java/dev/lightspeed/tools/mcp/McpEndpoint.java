package dev.lightspeed.tools.mcp;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where an MCP server is reached: a Streamable HTTP URL with the headers every request carries, or a local
 * command spoken to over stdio. Equal endpoints share one connection, so a change of URL, headers or command
 * opens a new one.
 */
public sealed interface McpEndpoint {
  /** A remote server at {@code url}; {@code auth} gives the headers (e.g. {@code Authorization}) of each request. */
  record Http(URI url, McpHttpAuth auth) implements McpEndpoint {
    public Http {
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(auth, "auth");
      String scheme = url.getScheme();
      if (!"http".equals(scheme) && !"https".equals(scheme)) throw new IllegalArgumentException("not an http(s) URL: \"" + url + "\"");
    }

    /** A server whose requests all carry {@code headers}. */
    public Http(URI url, Map<String, String> headers) {
      this(url, new McpHttpAuth.StaticHeaders(headers));
    }

    @Override
    public String toString() {
      return url + (auth.none() ? "" : " with " + auth);
    }
  }

  /** A local server started as {@code command} (program and arguments), spoken to over its stdin and stdout. */
  record Stdio(List<String> command) implements McpEndpoint {
    public Stdio {
      command = List.copyOf(command);
      if (command.isEmpty()) throw new IllegalArgumentException("command must name a program");
    }

    @Override
    public String toString() {
      return "stdio " + String.join(" ", command);
    }
  }
}
