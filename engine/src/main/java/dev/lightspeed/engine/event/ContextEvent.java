package dev.lightspeed.engine.event;

import dev.lightspeed.engine.cas.BlobRef;
import dev.lightspeed.engine.context.ContextItem;
import dev.lightspeed.engine.context.ContextState.CompactionTrigger;
import dev.lightspeed.engine.context.EntrySource;
import dev.lightspeed.engine.llm.Usage;
import dev.lightspeed.engine.log.Joins;
import java.util.List;
import java.util.Objects;

/** The context was edited, pruned or compacted. */
public sealed interface ContextEvent extends Event {
  @Override
  default Joins joins() {
    return Joins.NONE;
  }

  /** Items were placed (a keyed item replaces the entry with its key in place). */
  record EntriesApplied(EntrySource source, List<ContextItem> items) implements ContextEvent {
    public static final String KIND = "lightspeed.core.context.entries_applied";

    public EntriesApplied {
      Objects.requireNonNull(source, "source");
      items = List.copyOf(items);
    }

    @Override
    public String kind() {
      return KIND;
    }
  }

  /** Entries were removed by id. */
  record EntriesRemoved(List<Long> ids) implements ContextEvent {
    public static final String KIND = "lightspeed.core.context.entries_removed";

    public EntriesRemoved {
      ids = List.copyOf(ids);
    }

    @Override
    public String kind() {
      return KIND;
    }
  }

  /** Entries were removed by key. */
  record KeysRemoved(List<String> keys) implements ContextEvent {
    public static final String KIND = "lightspeed.core.context.keys_removed";

    public KeysRemoved {
      keys = List.copyOf(keys);
    }

    @Override
    public String kind() {
      return KIND;
    }
  }

  /** Every entry whose key starts with {@code prefix} was removed, then {@code items} were placed. */
  record KeyPrefixReplaced(String prefix, EntrySource source, List<ContextItem> items) implements ContextEvent {
    public static final String KIND = "lightspeed.core.context.key_prefix_replaced";

    public KeyPrefixReplaced {
      Objects.requireNonNull(prefix, "prefix");
      Objects.requireNonNull(source, "source");
      items = List.copyOf(items);
    }

    @Override
    public String kind() {
      return KIND;
    }
  }

  /**
   * A provider compaction item landed in entry {@code compactionEntry}: every prunable entry before it was
   * removed (keyed entries, instructions, catalogs and unconsumed input survive).
   */
  record Pruned(long run, long compactionEntry) implements ContextEvent {
    public static final String KIND = "lightspeed.core.context.pruned";

    @Override
    public String kind() {
      return KIND;
    }

    @Override
    public Joins joins() {
      return runJoins(run);
    }
  }

  /**
   * A standalone compaction was requested; it will replace the prunable entries before
   * {@code pruneBeforeId}. {@code run} is the run it serves, or 0 for a manual compaction while idle.
   */
  record CompactionRequested(long compaction, CompactionTrigger trigger, long run, long pruneBeforeId) implements ContextEvent {
    public static final String KIND = "lightspeed.core.context.compaction_requested";

    public CompactionRequested {
      Objects.requireNonNull(trigger, "trigger");
    }

    @Override
    public String kind() {
      return KIND;
    }

    @Override
    public Joins joins() {
      return runJoins(run);
    }
  }

  /**
   * The compaction finished: the prunable entries were replaced by {@code items}, placed where they stood.
   * {@code run} repeats the run it served (0 for none), so the log filtered by run shows its whole life.
   */
  record CompactionFinished(long compaction, long run, List<ContextItem> items, Usage usage) implements ContextEvent {
    public static final String KIND = "lightspeed.core.context.compaction_finished";

    public CompactionFinished {
      items = List.copyOf(items);
      Objects.requireNonNull(usage, "usage");
    }

    @Override
    public String kind() {
      return KIND;
    }

    @Override
    public Joins joins() {
      return runJoins(run);
    }
  }

  /** The compaction failed and the context is unchanged. */
  record CompactionFailed(long compaction, long run, BlobRef reason, String message) implements ContextEvent {
    public static final String KIND = "lightspeed.core.context.compaction_failed";

    public CompactionFailed {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(message, "message");
    }

    @Override
    public String kind() {
      return KIND;
    }

    @Override
    public Joins joins() {
      return runJoins(run);
    }
  }

  private static Joins runJoins(long run) {
    return run == 0 ? Joins.NONE : Joins.run(run);
  }
}
