package dev.lightspeed.server.live;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Writes server-sent events ({@code id:}, {@code event:}, {@code data:} lines and comments) and flushes
 * each one, so a client sees it at once. Not thread-safe: one stream, one writer thread.
 */
final class SseWriter {
  private final OutputStream out;

  SseWriter(OutputStream out) {
    this.out = Objects.requireNonNull(out, "out");
  }

  /** Writes one event; {@code id} may be null. {@code data} must be one line (compact JSON is). */
  void event(String event, String id, String data) throws IOException {
    StringBuilder frame = new StringBuilder();
    if (id != null) frame.append("id: ").append(id).append('\n');
    frame.append("event: ").append(event).append('\n');
    for (String line : data.split("\n", -1)) frame.append("data: ").append(line).append('\n');
    frame.append('\n');
    write(frame.toString());
  }

  /** Writes a comment line, which clients ignore; it keeps idle connections open and detects gone clients. */
  void comment(String text) throws IOException {
    write(": " + text + "\n\n");
  }

  private void write(String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }
}
