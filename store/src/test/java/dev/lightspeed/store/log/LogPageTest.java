package dev.lightspeed.store.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeed.engine.json.Json;
import dev.lightspeed.engine.log.EventEnvelope;
import dev.lightspeed.engine.log.Joins;
import dev.lightspeed.engine.log.LogEntry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogPageTest {
  @Test
  void hasMoreWhenTheLastEntryIsBeforeTheHead() {
    assertThat(new LogPage(List.of(entry(1), entry(2)), 3).hasMore()).isTrue();
    assertThat(new LogPage(List.of(entry(2), entry(3)), 3).hasMore()).isFalse();
    assertThat(new LogPage(List.of(), 3).hasMore()).isFalse();
  }

  @Test
  void lastSeqIsTheNextCursor() {
    assertThat(new LogPage(List.of(entry(4), entry(5)), 9).lastSeq()).isEqualTo(5);
    assertThatThrownBy(() -> new LogPage(List.of(), 0).lastSeq())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("empty page has no last seq");
  }

  @Test
  void entriesAreCopied() {
    List<LogEntry> entries = new ArrayList<>(List.of(entry(1)));
    LogPage page = new LogPage(entries, 1);
    entries.clear();

    assertThat(page.entries()).hasSize(1);
  }

  private static LogEntry entry(long seq) {
    return new LogEntry(seq, 0, Joins.NONE, new EventEnvelope("k", 1, Json.Obj.EMPTY));
  }
}
