package dev.lightspeed.testkit.provider;

import dev.lightspeed.engine.json.CanonicalJson;
import dev.lightspeed.engine.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A minimal SSE reader for the tests: events split at blank lines, {@code event:} and {@code data:} fields. */
final class SseParser {
  private SseParser() {}

  /** One event; {@code name} is null when the stream has no {@code event:} lines (Chat Completions). */
  record Event(String name, String data) {
    Json.Obj json() {
      return CanonicalJson.parseObject(data);
    }

    /** {@code data}'s {@code type} field, or the data itself when it is not JSON ({@code [DONE]}). */
    String type() {
      return data.startsWith("{") ? json().string("type") : data;
    }
  }

  static List<Event> parse(String stream) {
    List<Event> events = new ArrayList<>();
    String name = null;
    StringBuilder data = null;
    for (String line : stream.split("\r?\n", -1)) {
      if (line.isEmpty()) {
        if (data != null) events.add(new Event(name, data.toString()));
        name = null;
        data = null;
      } else if (line.startsWith("event:")) {
        name = field(line, "event:");
      } else if (line.startsWith("data:")) {
        data = data == null ? new StringBuilder() : data.append('\n');
        data.append(field(line, "data:"));
      }
    }
    if (data != null) events.add(new Event(name, data.toString()));
    return events;
  }

  static List<Event> parse(byte[] stream) {
    return parse(new String(stream, StandardCharsets.UTF_8));
  }

  static List<Event> fixture(String relativePath) {
    try {
      return parse(Files.readAllBytes(Fixtures.directory().resolve(relativePath)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Maps each event with {@code label} and merges runs of equal labels into one, e.g. many deltas. */
  static List<String> collapsed(List<Event> events, Function<Event, String> label) {
    return collapse(events.stream().map(label).toList());
  }

  /** Merges runs of equal labels into one. */
  static List<String> collapse(List<String> labels) {
    List<String> out = new ArrayList<>();
    for (String label : labels) {
      if (out.isEmpty() || !out.getLast().equals(label)) out.add(label);
    }
    return out;
  }

  private static String field(String line, String prefix) {
    String value = line.substring(prefix.length());
    return value.startsWith(" ") ? value.substring(1) : value;
  }
}
