package dev.lightspeed.testkit.mcp;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A loopback HTTP front for a Streamable HTTP MCP server that lets a request through only when it carries
 * {@code header} with a value the front accepts (exactly {@code value}, or one a predicate accepts); others
 * get 401, with a {@code WWW-Authenticate} challenge when one is given. Responses (event streams too) are
 * passed on as they arrive. Counts what it refused, so a test can tell the header was checked.
 */
public final class HeaderFront implements AutoCloseable {
  private static final Set<String> PASSED_REQUEST_HEADERS = Set.of("content-type", "accept", "mcp-session-id", "mcp-protocol-version",
      "last-event-id");
  private static final Set<String> PASSED_RESPONSE_HEADERS = Set.of("content-type", "mcp-session-id", "cache-control");

  private final HttpServer server;
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final URI target;
  private final String header;
  private final Predicate<String> accepts;
  private final String challenge;
  private final AtomicInteger refused = new AtomicInteger();

  private HeaderFront(URI target, String header, Predicate<String> accepts, String challenge) {
    this.target = target;
    this.header = header;
    this.accepts = accepts;
    this.challenge = challenge;
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/", this::handle);
    server.start();
  }

  /** {@return a started front for {@code target} (a server's MCP endpoint) that demands {@code header: value}} */
  public static HeaderFront start(URI target, String header, String value) {
    return new HeaderFront(target, header, value::equals, null);
  }

  /**
   * {@return a started front for {@code target} that lets through requests whose {@code Authorization} header
   * {@code accepts} (it may be null when absent), answering others 401 with {@code WWW-Authenticate: challenge}}
   */
  public static HeaderFront guarding(URI target, Predicate<String> accepts, String challenge) {
    return new HeaderFront(target, "Authorization", accepts, challenge);
  }

  /** {@return the front's MCP endpoint: the target's path on the front's port} */
  public URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + target.getRawPath());
  }

  /** {@return how many requests were refused for a missing or wrong header} */
  public int refused() {
    return refused.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!accepts.test(exchange.getRequestHeaders().getFirst(header))) {
        refused.incrementAndGet();
        byte[] body = "{\"error\":\"unauthorized\"}".getBytes();
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        if (challenge != null) exchange.getResponseHeaders().set("WWW-Authenticate", challenge);
        exchange.sendResponseHeaders(401, body.length);
        exchange.getResponseBody().write(body);
        return;
      }
      byte[] body = exchange.getRequestBody().readAllBytes();
      HttpRequest.Builder forward = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().getRawPath()))
          .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
      for (Map.Entry<String, List<String>> h : exchange.getRequestHeaders().entrySet()) {
        if (PASSED_REQUEST_HEADERS.contains(h.getKey().toLowerCase())) for (String v : h.getValue()) forward.header(h.getKey(), v);
      }
      HttpResponse<InputStream> response;
      try {
        response = client.send(forward.build(), HttpResponse.BodyHandlers.ofInputStream());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        exchange.sendResponseHeaders(502, -1);
        return;
      } catch (IOException e) {
        exchange.sendResponseHeaders(502, -1);
        return;
      }
      response.headers().map().forEach((name, values) -> {
        if (PASSED_RESPONSE_HEADERS.contains(name.toLowerCase())) exchange.getResponseHeaders().put(name, values);
      });
      boolean empty = response.headers().firstValueAsLong("content-length").orElse(-1) == 0;
      exchange.sendResponseHeaders(response.statusCode(), empty ? -1 : 0);
      try (InputStream in = response.body(); OutputStream out = exchange.getResponseBody()) {
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) != -1) {
          out.write(buffer, 0, n);
          out.flush();
        }
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
