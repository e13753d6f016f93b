package dev.lightspeed.testkit.provider;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A response the {@link FakeProviderServer} serves to one request: a status, headers and a body, plus how to
 * misbehave while sending it. Immutable; every {@code withX}/option method returns a modified copy.
 *
 * <p>There are two kinds of body. A <em>JSON</em> body ({@link #json}, {@link #error}) is sent in one piece
 * with {@code Content-Length} and {@code Content-Type: application/json}. An <em>SSE</em> body ({@link #sse})
 * is a list of events sent with {@code Content-Type: text/event-stream} and chunked transfer encoding, one
 * event per chunk, each flushed as it is written. The bytes of the events are sent exactly as given; the
 * server adds nothing (no {@code [DONE]}, no padding). For the options below a JSON body counts as a single
 * event.
 *
 * <p>The server always sets {@code Content-Length} or {@code Transfer-Encoding} itself, so those and
 * {@code Connection} cannot be set with {@link #withHeader}.
 */
public final class FakeResponse {
  private static final Set<String> FRAMING_HEADERS = Set.of("content-length", "transfer-encoding", "connection");

  /** How the body ends: normally, cut after some events, or stalled after some events. */
  enum Ending {
    COMPLETE,
    DROP,
    HANG
  }

  private final int status;
  private final List<Map.Entry<String, String>> headers;
  private final boolean sse;
  private final List<byte[]> events;
  private final Duration delayBeforeHeaders;
  private final Duration delayBetweenEvents;
  private final Ending ending;
  private final int endingAfter;

  private FakeResponse(
      int status,
      List<Map.Entry<String, String>> headers,
      boolean sse,
      List<byte[]> events,
      Duration delayBeforeHeaders,
      Duration delayBetweenEvents,
      Ending ending,
      int endingAfter) {
    this.status = status;
    this.headers = List.copyOf(headers);
    this.sse = sse;
    this.events = List.copyOf(events);
    this.delayBeforeHeaders = delayBeforeHeaders;
    this.delayBetweenEvents = delayBetweenEvents;
    this.ending = ending;
    this.endingAfter = endingAfter;
  }

  /** A 200 response with a JSON body, sent as given. */
  public static FakeResponse json(String body) {
    return json(body.getBytes(StandardCharsets.UTF_8));
  }

  /** A 200 response with a JSON body, sent byte for byte. */
  public static FakeResponse json(byte[] body) {
    Objects.requireNonNull(body, "body");
    return new FakeResponse(
        200,
        List.of(Map.entry("Content-Type", "application/json")),
        false,
        List.of(body.clone()),
        Duration.ZERO,
        Duration.ZERO,
        Ending.COMPLETE,
        0);
  }

  /** An error response: {@code status} with a JSON body, sent as given. */
  public static FakeResponse error(int status, String jsonBody) {
    return json(jsonBody).withStatus(status);
  }

  /**
   * A 200 SSE response whose body is {@code stream} byte for byte. The stream is cut into events after
   * each blank line (the options below count these events); text after the last blank line, if any, is a
   * final event of its own.
   */
  public static FakeResponse sse(byte[] stream) {
    return sseEvents(SseSplitter.split(stream));
  }

  /** Same as {@link #sse(byte[])} for UTF-8 text. */
  public static FakeResponse sse(String stream) {
    return sse(stream.getBytes(StandardCharsets.UTF_8));
  }

  /** A 200 SSE response of already framed events, each sent as one chunk. */
  static FakeResponse sseEvents(List<byte[]> events) {
    return new FakeResponse(
        200,
        List.of(Map.entry("Content-Type", "text/event-stream")),
        true,
        events,
        Duration.ZERO,
        Duration.ZERO,
        Ending.COMPLETE,
        0);
  }

  public FakeResponse withStatus(int status) {
    if (status < 100 || status > 999) throw new IllegalArgumentException("status out of range: " + status);
    return new FakeResponse(
        status, headers, sse, events, delayBeforeHeaders, delayBetweenEvents, ending, endingAfter);
  }

  /**
   * Sets header {@code name} to {@code value}, replacing any value it had (names compare ignoring case).
   *
   * @throws IllegalArgumentException for {@code Content-Length}, {@code Transfer-Encoding} and
   *     {@code Connection}, which the server derives from the body
   */
  public FakeResponse withHeader(String name, String value) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    if (FRAMING_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
      throw new IllegalArgumentException(name + " is set by the server from the body");
    }
    List<Map.Entry<String, String>> copy = new ArrayList<>(headers);
    copy.removeIf(h -> h.getKey().equalsIgnoreCase(name));
    copy.add(Map.entry(name, value));
    return withHeaders(copy);
  }

  /** Removes header {@code name} (ignoring case), e.g. to send a body without {@code Content-Type}. */
  public FakeResponse withoutHeader(String name) {
    List<Map.Entry<String, String>> copy = new ArrayList<>(headers);
    copy.removeIf(h -> h.getKey().equalsIgnoreCase(name));
    return withHeaders(copy);
  }

  FakeResponse withHeaders(List<Map.Entry<String, String>> newHeaders) {
    return new FakeResponse(
        status, newHeaders, sse, events, delayBeforeHeaders, delayBetweenEvents, ending, endingAfter);
  }

  /**
   * Waits {@code delay} after the request has been read before sending the status line. The wait ends
   * early, and nothing is sent, when the client closes the connection.
   */
  public FakeResponse delayBeforeHeaders(Duration delay) {
    return new FakeResponse(
        status, headers, sse, events, nonNegative(delay), delayBetweenEvents, ending, endingAfter);
  }

  /**
   * Waits {@code delay} before each event after the first. The wait ends early, and sending stops, when the
   * client closes the connection.
   */
  public FakeResponse delayBetweenEvents(Duration delay) {
    return new FakeResponse(
        status, headers, sse, events, delayBeforeHeaders, nonNegative(delay), ending, endingAfter);
  }

  /**
   * Sends the headers and the first {@code n} events, then closes the connection without ending the body:
   * no final chunk for SSE, fewer bytes than {@code Content-Length} for JSON. The client sees a truncated
   * body and its read fails with an {@link java.io.IOException}. {@code n} may equal the number of events
   * (everything but the end of the body). Replaces an earlier {@link #hangAfterEvents}.
   */
  public FakeResponse dropConnectionAfterEvents(int n) {
    return new FakeResponse(
        status, headers, sse, events, delayBeforeHeaders, delayBetweenEvents, Ending.DROP, eventCount(n));
  }

  /**
   * Sends the headers and the first {@code n} events, then sends nothing more until the client closes the
   * connection or the server is closed; for cancellation tests. Replaces an earlier
   * {@link #dropConnectionAfterEvents}.
   */
  public FakeResponse hangAfterEvents(int n) {
    return new FakeResponse(
        status, headers, sse, events, delayBeforeHeaders, delayBetweenEvents, Ending.HANG, eventCount(n));
  }

  public int status() {
    return status;
  }

  /** The headers the server sends besides the framing ones, in order; names keep the case given. */
  public Map<String, List<String>> headers() {
    Map<String, List<String>> map = new LinkedHashMap<>();
    for (Map.Entry<String, String> h : headers) {
      map.computeIfAbsent(h.getKey(), k -> new ArrayList<>()).add(h.getValue());
    }
    map.replaceAll((k, v) -> List.copyOf(v));
    return Collections.unmodifiableMap(map);
  }

  /** {@return the first value of header {@code name}, ignoring case} */
  public Optional<String> findHeader(String name) {
    return headers.stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst();
  }

  /** {@return whether the body is SSE, sent chunked event by event} */
  public boolean isSse() {
    return sse;
  }

  /** {@return the whole body as it goes on the wire when nothing is dropped} */
  public byte[] body() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] event : events) out.writeBytes(event);
    return out.toByteArray();
  }

  public String bodyText() {
    return new String(body(), StandardCharsets.UTF_8);
  }

  /** {@return the body cut into the events the server sends one at a time; one element for JSON} */
  public List<String> events() {
    return events.stream().map(e -> new String(e, StandardCharsets.UTF_8)).toList();
  }

  List<Map.Entry<String, String>> headerList() {
    return headers;
  }

  List<byte[]> eventBytes() {
    return events;
  }

  Duration delayBeforeHeaders() {
    return delayBeforeHeaders;
  }

  Duration delayBetweenEvents() {
    return delayBetweenEvents;
  }

  Ending ending() {
    return ending;
  }

  int endingAfter() {
    return endingAfter;
  }

  @Override
  public String toString() {
    String kind = sse ? events.size() + " SSE events" : body().length + " bytes JSON";
    String end =
        ending == Ending.COMPLETE ? "" : ", " + ending.name().toLowerCase(Locale.ROOT) + " after " + endingAfter;
    return "FakeResponse{" + status + ", " + kind + end + "}";
  }

  private int eventCount(int n) {
    if (n < 0 || n > events.size()) {
      throw new IllegalArgumentException("n must be in [0, " + events.size() + "] (the number of events): " + n);
    }
    return n;
  }

  private static Duration nonNegative(Duration delay) {
    Objects.requireNonNull(delay, "delay");
    if (delay.isNegative()) throw new IllegalArgumentException("delay < 0: " + delay);
    return delay;
  }
}
