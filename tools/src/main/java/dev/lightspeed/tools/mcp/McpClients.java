package dev.lightspeed.tools.mcp;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.McpHttpClientTransportAuthorizationException;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.client.transport.customizer.McpHttpClientTransportAuthorizationErrorHandler;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Open MCP sessions, one per {@link McpEndpoint}, started on first use (for stdio: the process is started then)
 * and shared by every caller. A request that fails closes its session, so the next one reconnects: a server
 * that was down is used again once it is back, and a restarted one gets a fresh session. Safe for concurrent
 * use; {@link #close} ends every session and stops the processes this started.
 */
public final class McpClients implements AutoCloseable {
  /** How long a request (list, call) may take, and how long connecting may take. */
  public record Timeouts(Duration request, Duration initialization) {
    public static final Timeouts DEFAULT = new Timeouts(Duration.ofSeconds(60), Duration.ofSeconds(30));

    public Timeouts {
      Objects.requireNonNull(request, "request");
      Objects.requireNonNull(initialization, "initialization");
    }
  }

  private final Timeouts timeouts;
  private final Map<McpEndpoint, Connection> open = new ConcurrentHashMap<>();
  private volatile boolean closed;

  public McpClients(Timeouts timeouts) {
    this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
  }

  /**
   * {@return every tool {@code endpoint} offers, following list pages}
   *
   * @throws McpUnavailableException when the server cannot be reached or does not answer
   */
  public List<McpSchema.Tool> listTools(McpEndpoint endpoint) {
    return request(endpoint, "list the tools of", client -> {
      List<McpSchema.Tool> tools = new ArrayList<>();
      String cursor = null;
      do {
        McpSchema.ListToolsResult page = cursor == null ? client.listTools() : client.listTools(cursor);
        tools.addAll(page.tools());
        cursor = page.nextCursor();
      } while (cursor != null && !cursor.isEmpty());
      return List.copyOf(tools);
    });
  }

  /**
   * {@return the result of calling {@code tool} with {@code arguments}; a tool's own failure is a result with
   * {@code isError} set}
   *
   * @throws McpUnavailableException when the server cannot be reached or does not answer
   */
  public McpSchema.CallToolResult call(McpEndpoint endpoint, String tool, Map<String, Object> arguments) {
    return request(endpoint, "call " + tool + " on", client -> {
      try {
        return client.callTool(new McpSchema.CallToolRequest(tool, arguments));
      } catch (McpError e) {
        // The server answered with a JSON-RPC error (an unknown tool, arguments it refused): the session is fine.
        return McpSchema.CallToolResult.builder().addTextContent("MCP error: " + e.getMessage()).isError(true).build();
      }
    });
  }

  private <T> T request(McpEndpoint endpoint, String what, Function<McpSyncClient, T> request) {
    if (closed) throw new IllegalStateException("closed");
    Connection connection = open.computeIfAbsent(endpoint, Connection::new);
    McpSyncClient client;
    try {
      client = connection.client();
    } catch (RuntimeException e) {
      open.remove(endpoint, connection);
      throw new McpUnavailableException("cannot connect to " + endpoint + ": " + describe(e), e);
    }
    try {
      return request.apply(client);
    } catch (RuntimeException e) {
      if (open.remove(endpoint, connection)) connection.close();
      throw new McpUnavailableException("cannot " + what + " " + endpoint + ": " + describe(e), e);
    }
  }

  /**
   * One endpoint's session, connected on first use. Connecting happens under this object's lock, not the
   * map's, so a slow server holds up only its own callers.
   */
  private final class Connection {
    private final McpEndpoint endpoint;
    private McpSyncClient client;

    Connection(McpEndpoint endpoint) {
      this.endpoint = endpoint;
    }

    synchronized McpSyncClient client() {
      if (client == null) client = connect(endpoint);
      return client;
    }

    synchronized void close() {
      if (client != null) closeQuietly(client);
      client = null;
    }
  }

  private McpSyncClient connect(McpEndpoint endpoint) {
    McpClientTransport transport = switch (endpoint) {
      case McpEndpoint.Http http -> {
        URI url = http.url();
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        if (url.getRawQuery() != null) path += "?" + url.getRawQuery();
        String base = url.getScheme() + "://" + url.getRawAuthority();
        McpHttpAuth auth = http.auth();
        // Credentials are asked for just before each request (a token near expiry is refreshed then); a 401 asks
        // for new ones once and retries.
        yield HttpClientStreamableHttpTransport.builder(base)
            .endpoint(path)
            .connectTimeout(timeouts.initialization())
            .httpRequestCustomizer((builder, method, uri, body, context) -> auth.headers().forEach(builder::setHeader))
            .authorizationErrorHandler(McpHttpClientTransportAuthorizationErrorHandler.fromSync((request, response, context) ->
                response.statusCode() == 401 && auth.renew(request.headers().firstValue("Authorization"))))
            .build();
      }
      case McpEndpoint.Stdio stdio -> {
        StdioClientTransport t = new StdioClientTransport(
            ServerParameters.builder(stdio.command().getFirst()).args(stdio.command().subList(1, stdio.command().size())).build(),
            McpJsonDefaults.getMapper());
        t.setStdErrorHandler(line -> {});
        yield t;
      }
    };
    McpSyncClient client = McpClient.sync(transport)
        .requestTimeout(timeouts.request())
        .initializationTimeout(timeouts.initialization())
        .clientInfo(new McpSchema.Implementation("lightspeed", "1"))
        .build();
    try {
      client.initialize();
      return client;
    } catch (RuntimeException e) {
      closeQuietly(client);
      throw e;
    }
  }

  private static String describe(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof McpHttpClientTransportAuthorizationException refused) {
        return "the server refused the credentials (HTTP " + refused.getResponseInfo().statusCode() + ")";
      }
      if (t instanceof McpCredentialsException missing) return missing.getMessage();
    }
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) root = root.getCause();
    String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return root == e ? message : e.getClass().getSimpleName() + " (" + message + ")";
  }

  private static void closeQuietly(McpSyncClient client) {
    try {
      client.close();
    } catch (RuntimeException e) {
      // the session is being dropped because it failed; a failure to close it adds nothing
    }
  }

  @Override
  public void close() {
    closed = true;
    for (McpEndpoint endpoint : List.copyOf(open.keySet())) {
      Connection connection = open.remove(endpoint);
      if (connection != null) connection.close();
    }
  }
}
