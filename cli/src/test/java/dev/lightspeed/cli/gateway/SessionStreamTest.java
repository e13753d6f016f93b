package dev.lightspeed.cli.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The session stream against a stand-in gateway that drops the first connection half-way. */
class SessionStreamTest {
  private HttpServer server;
  private final List<String> lastEventIds = new CopyOnWriteArrayList<>();
  private GatewayClient client;

  private static String event(long seq, String type) {
    return "id: " + seq + "\nevent: event\ndata: {\"cursor\":{\"seq\":" + seq + "},\"sessionId\":\"s\",\"observedAtMs\":1,"
        + "\"joins\":{},\"kind\":{\"type\":\"" + type + "\",\"runId\":\"1\"}}\n\n";
  }

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/sessions/s/stream", exchange -> {
      String last = exchange.getRequestHeaders().getFirst("Last-Event-ID");
      lastEventIds.add(String.valueOf(last));
      exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
      exchange.sendResponseHeaders(200, 0);
      OutputStream out = exchange.getResponseBody();
      if (last == null) {
        out.write(("event: ready\ndata: {\"sessionId\":\"s\",\"cursor\":4}\n\n" + event(5, "runStarted")
            + "event: delta\ndata: {\"sessionId\":\"s\",\"turnId\":\"1\",\"kind\":\"text\",\"text\":\"Hi\"}\n\n: keep-alive\n\n")
            .getBytes(StandardCharsets.UTF_8));
        out.flush();
        exchange.close();
        return;
      }
      out.write(("event: ready\ndata: {\"sessionId\":\"s\",\"cursor\":5}\n\n" + event(5, "runStarted") + event(6, "runCompleted"))
          .getBytes(StandardCharsets.UTF_8));
      out.flush();
      try {
        Thread.sleep(2_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      exchange.close();
    });
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.start();
    client = new GatewayClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void aBrokenStreamResumesAfterTheLastEventWithoutRepeatingIt() throws InterruptedException {
    BlockingQueue<StreamItem> items = new LinkedBlockingQueue<>();
    try (SessionStream stream = SessionStream.open(client, "s", items::add)) {
      assertThat(stream.startCursor()).isEqualTo(4);
      assertThat(type(items.poll(5, TimeUnit.SECONDS))).isEqualTo("runStarted");
      assertThat(items.poll(5, TimeUnit.SECONDS)).isEqualTo(new StreamItem.Delta("1", StreamItem.Delta.Kind.TEXT, "Hi"));
      assertThat(type(items.poll(5, TimeUnit.SECONDS))).isEqualTo("runCompleted");
      assertThat(items.poll(200, TimeUnit.MILLISECONDS)).isNull();
    }
    assertThat(lastEventIds).containsExactly("null", "5");
  }

  @Test
  void anUnknownSessionIsAGatewayError() {
    server.createContext("/sessions/nobody/stream", exchange -> {
      byte[] body = "{\"error\":{\"code\":-32004,\"message\":\"session \\\"nobody\\\" does not exist\",\"data\":{\"kind\":\"not_found\"}}}"
          .getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(404, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    assertThatThrownBy(() -> SessionStream.open(client, "nobody", item -> {}))
        .isInstanceOf(GatewayException.class).extracting(e -> ((GatewayException) e).line())
        .isEqualTo("not_found: session \"nobody\" does not exist");
  }

  private static String type(StreamItem item) {
    assertThat(item).as("an item within %s", Duration.ofSeconds(5)).isInstanceOf(StreamItem.Logged.class);
    return ((StreamItem.Logged) item).event().type();
  }
}
