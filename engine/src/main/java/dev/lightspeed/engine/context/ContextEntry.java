package dev.lightspeed.engine.context;

import java.util.Objects;

/** A placed context entry: a session-local id, where it came from, and its content. */
public record ContextEntry(long id, EntrySource source, ContextItem item) {
  public ContextEntry {
    if (id < 1) throw new IllegalArgumentException("id < 1: " + id);
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(item, "item");
  }

  public String key() {
    return item.key();
  }

  public EntryKind kind() {
    return item.kind();
  }
}
