package dev.lightspeed.llm.http;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Reads server-sent events from a stream as the HTML specification defines them: lines end with LF, CRLF
 * or CR; {@code :} starts a comment; {@code data:} lines accumulate (joined by LF); {@code event:} and
 * {@code id:} set the name and id; one leading space after the colon is dropped; a blank line dispatches
 * the event; an empty or absent event name means "message"; a leading byte order mark is skipped. An event
 * cut off by the end of the stream (no blank line after it) is discarded, so a truncated stream never
 * yields half an event. Not thread-safe.
 */
public final class SseReader implements Closeable {
  private final BufferedReader reader;
  private String lastId;
  private boolean started;

  public SseReader(InputStream in) {
    this.reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 16 * 1024);
  }

  /**
   * {@return the next event, or empty at the end of the stream}
   *
   * @throws IOException when the stream breaks
   */
  public Optional<SseEvent> next() throws IOException {
    // One copy per data line: the common single-line data is kept as is; a builder only for multi-line data.
    String firstData = null;
    StringBuilder moreData = null;
    String event = null;
    String line;
    while ((line = reader.readLine()) != null) {
      if (!started) {
        started = true;
        if (line.startsWith("\uFEFF")) line = line.substring(1);
      }
      if (line.isEmpty()) {
        if (firstData != null) {
          String data = moreData == null ? firstData : moreData.toString();
          return Optional.of(new SseEvent(event == null || event.isEmpty() ? "message" : event, data, lastId));
        }
        event = null;
        continue;
      }
      if (line.charAt(0) == ':') continue;
      int colon = line.indexOf(':');
      int nameEnd = colon < 0 ? line.length() : colon;
      int valueStart = colon < 0 ? line.length() : colon + 1;
      if (valueStart < line.length() && line.charAt(valueStart) == ' ') valueStart++;
      if (named(line, nameEnd, "data")) {
        String value = line.substring(valueStart);
        if (firstData == null) {
          firstData = value;
        } else {
          if (moreData == null) moreData = new StringBuilder(firstData);
          moreData.append('\n').append(value);
        }
      } else if (named(line, nameEnd, "event")) {
        event = line.substring(valueStart);
      } else if (named(line, nameEnd, "id")) {
        String value = line.substring(valueStart);
        if (value.indexOf('\0') < 0) lastId = value;
      }
    }
    return Optional.empty();
  }

  private static boolean named(String line, int nameEnd, String field) {
    return nameEnd == field.length() && line.startsWith(field);
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
