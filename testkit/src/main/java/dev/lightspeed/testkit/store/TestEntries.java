package dev.lightspeed.testkit.store;

import dev.lightspeed.engine.json.Json;
import dev.lightspeed.engine.log.EventEnvelope;
import dev.lightspeed.engine.log.Joins;
import dev.lightspeed.engine.log.NewEntry;
import dev.lightspeed.store.log.SessionLifecycle;
import java.util.ArrayList;
import java.util.List;

/**
 * Log entries for store tests. Stores treat events as opaque except for the two lifecycle kinds, so the
 * entries here are small made-up events named by a label, plus the real opened and closed kinds.
 */
public final class TestEntries {
  /** The kind of {@link #event}s: not a lifecycle kind. */
  public static final String TEST_KIND = "test.store.noted";

  private TestEntries() {}

  /** {@return an ordinary event carrying {@code label}, observed at time 1000} */
  public static NewEntry event(String label) {
    return new NewEntry(1000, Joins.NONE, new EventEnvelope(TEST_KIND, 1, Json.Obj.builder().put("label", label).build()));
  }

  /** {@return {@code count} ordinary events labelled {@code prefix + "-" + i} for i from 1} */
  public static List<NewEntry> events(String prefix, int count) {
    List<NewEntry> entries = new ArrayList<>(count);
    for (int i = 1; i <= count; i++) entries.add(event(prefix + "-" + i));
    return entries;
  }

  /** {@return an event of the kind that opens a session} */
  public static NewEntry opened() {
    return new NewEntry(1000, Joins.NONE, new EventEnvelope(SessionLifecycle.OPENED_KIND, 1, Json.Obj.EMPTY));
  }

  /** {@return an event of the kind that closes a session} */
  public static NewEntry closed() {
    return new NewEntry(1000, Joins.NONE,
        new EventEnvelope(SessionLifecycle.CLOSED_KIND, 1, Json.Obj.builder().put("reason", "done").build()));
  }
}
