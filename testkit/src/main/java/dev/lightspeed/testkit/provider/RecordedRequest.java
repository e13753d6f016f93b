package dev.lightspeed.testkit.provider;

import dev.lightspeed.engine.json.CanonicalJson;
import dev.lightspeed.engine.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One request as the {@link FakeProviderServer} received it: method, target, headers and body bytes.
 * Immutable.
 */
public final class RecordedRequest {
  private final int sequenceNumber;
  private final String method;
  private final String path;
  private final Map<String, List<String>> headers;
  private final byte[] body;

  RecordedRequest(
      int sequenceNumber, String method, String path, List<Map.Entry<String, String>> headers, byte[] body) {
    this.sequenceNumber = sequenceNumber;
    this.method = method;
    this.path = path;
    TreeMap<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (Map.Entry<String, String> h : headers) {
      map.computeIfAbsent(h.getKey(), k -> new ArrayList<>()).add(h.getValue());
    }
    map.replaceAll((k, v) -> List.copyOf(v));
    this.headers = Collections.unmodifiableMap(map);
    this.body = body.clone();
  }

  /** {@return the position of this request among all requests the server received, from 0} */
  public int sequenceNumber() {
    return sequenceNumber;
  }

  public String method() {
    return method;
  }

  /** {@return the request target as sent, with the query: {@code /v1/messages?beta=true}} */
  public String path() {
    return path;
  }

  /** {@return the request target without the query: {@code /v1/messages}} */
  public String pathWithoutQuery() {
    int q = path.indexOf('?');
    return q < 0 ? path : path.substring(0, q);
  }

  /** {@return all headers; lookups in the map ignore case} */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /** {@return the first value of header {@code name}, ignoring case} */
  public Optional<String> findHeader(String name) {
    List<String> values = headers.get(name);
    return values == null ? Optional.empty() : Optional.of(values.get(0));
  }

  /**
   * {@return the first value of header {@code name}, ignoring case}
   *
   * @throws IllegalArgumentException when the request has no such header
   */
  public String header(String name) {
    return findHeader(name)
        .orElseThrow(() -> new IllegalArgumentException(
            "request has no header \"" + name + "\"; it has " + headers.keySet()));
  }

  /** {@return every value of header {@code name}, ignoring case; empty when absent} */
  public List<String> headerValues(String name) {
    return headers.getOrDefault(name, List.of());
  }

  public byte[] body() {
    return body.clone();
  }

  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /**
   * {@return the body parsed as a JSON object}
   *
   * @throws dev.lightspeed.engine.json.JsonSyntaxException when the body is not JSON
   * @throws dev.lightspeed.engine.json.JsonShapeException when it is JSON but not an object
   */
  public Json.Obj bodyJson() {
    return CanonicalJson.parseObject(bodyText());
  }

  @Override
  public String toString() {
    return method + " " + path + " (" + body.length + " bytes)";
  }
}
