package dev.lightspeed.engine.session;

import dev.lightspeed.engine.context.ContextEntry;
import dev.lightspeed.engine.context.ContextJson;
import dev.lightspeed.engine.context.ContextState;
import dev.lightspeed.engine.context.ContextState.CompactionTrigger;
import dev.lightspeed.engine.context.ContextState.PendingCompaction;
import dev.lightspeed.engine.json.Json;
import dev.lightspeed.engine.json.JsonReader;
import java.util.ArrayList;
import java.util.List;

/**
 * The snapshot form of {@link ContextState} for {@link SessionStateCodec}. Entries use the same form as
 * {@link ContextJson#entry}, which the chain digest hashes, and the chain itself is stored rather than
 * recomputed so decoding stays O(size).
 */
final class ContextStateJson {
  private ContextStateJson() {}

  static Json.Obj encode(ContextState c) {
    List<Json> entries = new ArrayList<>(c.entries().size());
    for (ContextEntry e : c.entries()) entries.add(ContextJson.entry(e));
    Json.Obj.Builder b = Json.Obj.builder()
        .putArray("entries", entries)
        .put("revision", c.revision())
        .put("nextEntryId", c.nextEntryId())
        .put("consumedThroughId", c.consumedThroughId())
        .put("lastInputTokens", c.lastInputTokens())
        .put("nextCompactionId", c.nextCompactionId());
    c.pendingCompaction().ifPresent(p -> b.put("pendingCompaction", Json.Obj.builder()
        .put("id", p.id())
        .put("trigger", p.trigger().wireName())
        .put("run", p.run())
        .put("pruneBeforeId", p.pruneBeforeId())
        .build()));
    return b.put("chain", c.chain()).build();
  }

  static ContextState decode(JsonReader r) {
    return r.build(() -> new ContextState(
        r.list("entries", ContextStateJson::entry),
        r.number("revision"),
        r.number("nextEntryId"),
        r.number("consumedThroughId"),
        r.number("lastInputTokens"),
        r.number("nextCompactionId"),
        r.findReader("pendingCompaction").map(ContextStateJson::pending),
        r.string("chain")));
  }

  private static ContextEntry entry(JsonReader r) {
    return r.build(() -> new ContextEntry(r.number("id"), r.decode("source", ContextJson::source), r.decode("item", ContextJson::item)));
  }

  private static PendingCompaction pending(JsonReader r) {
    return new PendingCompaction(
        r.number("id"),
        r.wire("trigger", CompactionTrigger.values(), CompactionTrigger::wireName),
        r.number("run"),
        r.number("pruneBeforeId"));
  }
}
