package dev.lightspeed.testkit.provider;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts an SSE stream into events without changing a byte: each event runs up to and including the blank
 * line that ends it ({@code \n\n} or {@code \n\r\n}); bytes after the last blank line form a final event.
 * Concatenating the result gives back the input.
 */
final class SseSplitter {
  private SseSplitter() {}

  static List<byte[]> split(byte[] stream) {
    List<byte[]> events = new ArrayList<>();
    int start = 0;
    int i = 0;
    while (i < stream.length) {
      if (stream[i] == '\n') {
        int next = i + 1;
        if (next < stream.length && stream[next] == '\r') next++;
        if (next < stream.length && stream[next] == '\n') {
          events.add(Arrays.copyOfRange(stream, start, next + 1));
          start = next + 1;
          i = start;
          continue;
        }
      }
      i++;
    }
    if (start < stream.length) events.add(Arrays.copyOfRange(stream, start, stream.length));
    return events;
  }
}
