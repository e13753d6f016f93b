package dev.lightspeed.engine.llm;

import dev.lightspeed.engine.cas.BlobRef;
import dev.lightspeed.engine.context.ContextItem;
import java.util.List;
import java.util.Objects;

/** What a standalone compaction produced. */
public sealed interface CompactionResult {
  long compaction();

  /** The compaction items (a provider compaction item, or a summary message) that replace the pruned entries. */
  record Completed(long compaction, List<ContextItem> items, Usage usage) implements CompactionResult {
    public Completed {
      items = List.copyOf(items);
      Objects.requireNonNull(usage, "usage");
    }
  }

  /** Compaction failed; the context is left as it was. */
  record Failed(long compaction, BlobRef reason, String message) implements CompactionResult {
    public Failed {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(message, "message");
    }
  }
}
