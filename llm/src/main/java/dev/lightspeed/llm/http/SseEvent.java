package dev.lightspeed.llm.http;

import java.util.Objects;

/**
 * One server-sent event: its name ({@code event:} field, "message" when absent), its data (the
 * {@code data:} lines joined with newlines) and its id, or null.
 */
public record SseEvent(String event, String data, String id) {
  public SseEvent {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(data, "data");
  }

  /** {@return whether this is the {@code [DONE]} sentinel that ends Chat Completions streams} */
  public boolean isDone() {
    return data.equals("[DONE]");
  }
}
