package dev.lightspeed.store.log;

import dev.lightspeed.engine.log.LogEntry;
import java.util.List;
import java.util.Objects;

/**
 * One page of a session's log: entries in seq order after the requested cursor, and the log's head when the
 * page was read. Continue from the last entry's seq while {@link #hasMore()}.
 */
public record LogPage(List<LogEntry> entries, long head) {
  public LogPage {
    entries = List.copyOf(Objects.requireNonNull(entries, "entries"));
    if (head < 0) throw new IllegalArgumentException("head < 0: " + head);
  }

  /** {@return true when the log holds entries after this page's last entry} */
  public boolean hasMore() {
    return !entries.isEmpty() && entries.getLast().seq() < head;
  }

  /** {@return the seq to pass as the next cursor: the last entry's seq} @throws IllegalStateException when empty */
  public long lastSeq() {
    if (entries.isEmpty()) throw new IllegalStateException("empty page has no last seq");
    return entries.getLast().seq();
  }
}
