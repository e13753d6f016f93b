package dev.lightspeed.testkit.store;

import static dev.lightspeed.testkit.store.TestEntries.event;

import dev.lightspeed.engine.json.Json;
import dev.lightspeed.engine.log.EventEnvelope;
import dev.lightspeed.engine.log.Joins;
import dev.lightspeed.engine.log.LogEntry;
import dev.lightspeed.engine.log.NewEntry;
import dev.lightspeed.store.SessionId;
import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.log.SessionLifecycle;
import dev.lightspeed.store.log.SessionLog;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;

/**
 * Shared fixture of the {@link SessionLog} contract: a fresh log per test on a manual clock, and the entries
 * the contract appends. The contract itself is split by concern across the classes that extend this one;
 * backends subclass {@link SessionLogContract}.
 */
public abstract class SessionLogContractBase {
  protected static final UniverseId UNIVERSE = UniverseId.DEFAULT;
  protected static final UniverseId OTHER = UniverseId.of("other");
  protected static final SessionId S1 = SessionId.of("s1");
  protected static final SessionId S2 = SessionId.of("s2");
  protected static final long T0 = 1_700_000_000_000L;
  protected static final Set<SessionLifecycle> ALL = Set.copyOf(EnumSet.allOf(SessionLifecycle.class));

  protected ManualClock clock;
  protected SessionLog log;

  /** {@return a new, empty log whose timestamps come from {@code clock}} Called once before each test. */
  protected abstract SessionLog newLog(InstantSource clock);

  @BeforeEach
  protected void createLog() {
    clock = ManualClock.atEpochMilli(T0);
    log = newLog(clock);
  }

  // ---- helpers

  /** An entry exercising every corner of the stored form: all joins, nested values, escapes, odd numbers. */
  protected static NewEntry richEntry() {
    Json.Obj payload = Json.Obj.builder()
        .put("text", "line one\nline \"two\"\ttabbed \\ back\u0001slash")
        .put("unicode", "héllo wörld · 日本語 · \uD83D\uDE80")
        .put("zKeyFirstInInsertionOrder", true)
        .put("aKeyLast", false)
        .put("max", Long.MAX_VALUE)
        .put("min", Long.MIN_VALUE)
        .put("decimal", Json.Num.parse("3.14"))
        .put("exponent", Json.Num.parse("1e-7"))
        .put("huge", Json.Num.parse("123456789012345678901234567890"))
        .put("nothing", Json.NULL)
        .put("empty", Json.Obj.EMPTY)
        .putArray("list", List.of(Json.of(1), Json.of("two"), Json.Arr.of(), Json.Obj.builder().put("k", "v").build()))
        .build();
    return new NewEntry(1_700_000_123_456L, new Joins(3, 4, 5, "call_\u00e9", "sub-1"), envelope("test.store.rich", payload));
  }

  protected static EventEnvelope envelope(String kind, Json.Obj payload) {
    return new EventEnvelope(kind, 1, payload);
  }

  protected static String label(LogEntry entry) {
    return entry.event().payload().string("label");
  }

  protected static List<NewEntry> expectedNumbered(int count) {
    List<NewEntry> entries = new ArrayList<>();
    for (int i = 0; i < count; i++) entries.add(event("e" + i));
    return entries;
  }

  @SuppressWarnings("unchecked")
  protected static List<LogEntry> castEntries(Object o) {
    return (List<LogEntry>) o;
  }
}
