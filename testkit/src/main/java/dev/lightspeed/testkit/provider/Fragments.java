package dev.lightspeed.testkit.provider;

import dev.lightspeed.engine.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Small pieces shared by the three scripts: fragmenting streamed strings and framing SSE events. */
final class Fragments {
  /** Longest fragment of streamed tool arguments and thinking text, in chars; real streams are similar. */
  static final int SIZE = 8;

  private Fragments() {}

  /** Cuts {@code text} into pieces of at most {@link #SIZE} chars, never inside a surrogate pair. */
  static List<String> split(String text) {
    List<String> pieces = new ArrayList<>();
    int start = 0;
    while (start < text.length()) {
      int end = Math.min(text.length(), start + SIZE);
      if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) end--;
      pieces.add(text.substring(start, end));
      start = end;
    }
    return pieces;
  }

  /** {@code event: <name>\ndata: <json>\n\n} as UTF-8. */
  static byte[] event(String name, Json data) {
    return ("event: " + name + "\ndata: " + WireJson.write(data) + "\n\n").getBytes(StandardCharsets.UTF_8);
  }

  /** {@code data: <payload>\n\n} as UTF-8, the framing of Chat Completions. */
  static byte[] data(String payload) {
    return ("data: " + payload + "\n\n").getBytes(StandardCharsets.UTF_8);
  }

  static Json.Arr strings(List<String> values) {
    return new Json.Arr(values.stream().map(v -> (Json) Json.of(v)).toList());
  }
}
