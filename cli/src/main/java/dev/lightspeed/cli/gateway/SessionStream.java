package dev.lightspeed.cli.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lightspeed.api.ApiJson;
import dev.lightspeed.api.events.SessionEventView;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Follows one session's {@code GET /sessions/{id}/stream}: model deltas and every new log event, handed to a
 * sink on the stream's own thread in arrival order. When the connection breaks it reconnects from the last
 * event seen ({@code Last-Event-ID}), so no log event is missed or repeated; deltas sent in the gap are lost.
 * After {@link #RECONNECT_FOR} without success the sink gets {@link StreamItem.Lost} and the stream ends.
 */
public final class SessionStream implements AutoCloseable {
  static final Duration RECONNECT_FOR = Duration.ofSeconds(30);

  private final GatewayClient client;
  private final String sessionId;
  private final Consumer<StreamItem> sink;
  private final long startCursor;
  private volatile long cursor;
  private volatile InputStream body;
  private volatile boolean closed;
  private final BufferedReader firstLines;
  private final Thread reader;

  private SessionStream(GatewayClient client, String sessionId, Consumer<StreamItem> sink, long startCursor, InputStream body,
      BufferedReader firstLines) {
    this.client = client;
    this.sessionId = sessionId;
    this.sink = sink;
    this.startCursor = startCursor;
    this.cursor = startCursor;
    this.body = body;
    this.firstLines = firstLines;
    this.reader = Thread.ofVirtual().name("lightspeed-stream-" + sessionId).unstarted(this::readLoop);
  }

  /**
   * Subscribes to session {@code sessionId} from its current head and returns once the gateway confirmed the
   * subscription, so anything that happens afterwards is seen.
   *
   * @throws GatewayException when the session does not exist
   * @throws GatewayUnreachableException when the gateway does not answer
   */
  public static SessionStream open(GatewayClient client, String sessionId, Consumer<StreamItem> sink) {
    Objects.requireNonNull(sink, "sink");
    InputStream body = connect(client, sessionId, null);
    BufferedReader lines = reader(body);
    Frame ready;
    try {
      ready = Frame.read(lines);
    } catch (IOException e) {
      close(body);
      throw new GatewayUnreachableException(client.base(), "the session stream ended before it started", e);
    }
    if (ready == null || !ready.event().equals("ready")) {
      close(body);
      throw new GatewayUnreachableException(client.base(), "the session stream did not start with a ready event", null);
    }
    long cursor = json(ready.data()).path("cursor").asLong();
    SessionStream stream = new SessionStream(client, sessionId, sink, cursor, body, lines);
    stream.reader.start();
    return stream;
  }

  /** {@return the log position the stream started after} */
  public long startCursor() {
    return startCursor;
  }

  /** Stops following; the sink gets nothing more. Idempotent. */
  @Override
  public void close() {
    closed = true;
    close(body);
    reader.interrupt();
  }

  private void readLoop() {
    BufferedReader lines = firstLines;
    while (!closed) {
      try {
        for (Frame frame = Frame.read(lines); frame != null && !closed; frame = Frame.read(lines)) deliver(frame);
      } catch (IOException | RuntimeException e) {
        if (closed) return;
      }
      if (closed) return;
      lines = reconnect();
      if (lines == null) return;
    }
  }

  private void deliver(Frame frame) {
    switch (frame.event()) {
      case "event" -> {
        SessionEventView view = ApiJson.mapper().convertValue(json(frame.data()), SessionEventView.class);
        if (view.cursor().seq() <= cursor) return;
        cursor = view.cursor().seq();
        sink.accept(new StreamItem.Logged(view));
      }
      case "delta" -> {
        JsonNode delta = json(frame.data());
        StreamItem.Delta.Kind kind = delta.path("kind").asText().equals("reasoning") ? StreamItem.Delta.Kind.REASONING : StreamItem.Delta.Kind.TEXT;
        sink.accept(new StreamItem.Delta(delta.path("turnId").asText(null), kind, delta.path("text").asText("")));
      }
      default -> {
        // "ready" after a reconnect, and kinds a newer gateway may add
      }
    }
  }

  private BufferedReader reconnect() {
    long deadline = System.nanoTime() + RECONNECT_FOR.toNanos();
    long pauseMs = 100;
    GatewayUnreachableException last = null;
    while (!closed && System.nanoTime() < deadline) {
      try {
        InputStream next = connect(client, sessionId, Long.toString(cursor));
        body = next;
        if (closed) {
          close(next);
          return null;
        }
        return reader(next);
      } catch (GatewayUnreachableException e) {
        last = e;
      } catch (GatewayException e) {
        last = new GatewayUnreachableException(client.base(), e.line(), e);
        break;
      }
      try {
        Thread.sleep(pauseMs);
      } catch (InterruptedException e) {
        return null;
      }
      pauseMs = Math.min(2_000, pauseMs * 2);
    }
    if (!closed) {
      sink.accept(new StreamItem.Lost(last != null ? last
          : new GatewayUnreachableException(client.base(), "the session stream broke and did not come back", null)));
    }
    return null;
  }

  private static InputStream connect(GatewayClient client, String sessionId, String lastEventId) {
    String path = "/sessions/" + URLEncoder.encode(sessionId, StandardCharsets.UTF_8).replace("+", "%20") + "/stream";
    HttpResponse<InputStream> response = client.openStream(path, lastEventId);
    if (response.statusCode() == 200) return response.body();
    String text;
    try (InputStream in = response.body()) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      text = "";
    }
    JsonNode error = json(text).path("error");
    long code = error.path("code").asLong(response.statusCode() == 404 ? -32004 : -32603);
    String message = error.path("message").asText("the gateway answered HTTP " + response.statusCode() + " to " + path);
    throw new GatewayException("stream", code, error.path("data").path("kind").asText(GatewayException.kindOfCode(code)), message);
  }

  private static BufferedReader reader(InputStream body) {
    return new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
  }

  private static JsonNode json(String text) {
    try {
      return ApiJson.mapper().readTree(text);
    } catch (IOException e) {
      return ApiJson.mapper().createObjectNode();
    }
  }

  private static void close(InputStream in) {
    try {
      if (in != null) in.close();
    } catch (IOException e) {
      // closing a broken connection: nothing left to release
    }
  }

  /** One server-sent event. */
  private record Frame(String event, String id, String data) {
    /** {@return the next frame, or null at the end of the stream} */
    static Frame read(BufferedReader lines) throws IOException {
      String event = null;
      String id = null;
      StringBuilder data = new StringBuilder();
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (line.isEmpty()) {
          if (event != null || !data.isEmpty()) return new Frame(event == null ? "message" : event, id, data.toString());
        } else if (line.startsWith("event:")) {
          event = line.substring(6).strip();
        } else if (line.startsWith("id:")) {
          id = line.substring(3).strip();
        } else if (line.startsWith("data:")) {
          if (!data.isEmpty()) data.append('\n');
          data.append(line.substring(line.startsWith("data: ") ? 6 : 5));
        }
      }
      return null;
    }
  }
}
