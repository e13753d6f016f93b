package dev.lightspeed.cli.mcp;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The loopback listener an OAuth login's redirect comes back to ({@code http://127.0.0.1:PORT/callback},
 * RFC 8252): it takes the first redirect to {@code /callback}, answers the browser with a short page, and
 * hands over the query (the {@code code} and {@code state}, or an {@code error}).
 */
final class LoginCallback implements AutoCloseable {
  static final String PATH = "/callback";

  private final HttpServer server;
  private final CompletableFuture<Map<String, String>> query = new CompletableFuture<>();

  LoginCallback(int port) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    server.createContext(PATH, this::handle);
    server.start();
  }

  /** {@return the redirect URI to register: this listener's loopback address} */
  String redirectUri() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
  }

  /** {@return the redirect's query, or empty when none came within {@code timeout}} */
  Optional<Map<String, String>> await(Duration timeout) throws InterruptedException {
    try {
      return Optional.of(query.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
    } catch (TimeoutException e) {
      return Optional.empty();
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Map<String, String> params = parse(exchange.getRequestURI().getRawQuery());
      boolean ok = params.containsKey("code");
      String page = "<!doctype html><title>Lightspeed</title><p>" + (ok
          ? "Logged in. You can close this tab and return to the terminal."
          : "The login did not complete; the terminal says why.") + "</p>";
      byte[] body = page.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      query.complete(params);
    }
  }

  private static Map<String, String> parse(String raw) {
    Map<String, String> out = new HashMap<>();
    if (raw == null || raw.isEmpty()) return out;
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      out.putIfAbsent(key, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return out;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
