package dev.lightspeed.engine.drive;

import dev.lightspeed.engine.llm.CompactionRequest;
import dev.lightspeed.engine.llm.LlmRequest;
import dev.lightspeed.engine.log.NewEntry;
import dev.lightspeed.engine.tool.ToolBatchRequest;
import java.util.List;
import java.util.Objects;

/** The one thing a host should do next for a session, as returned by {@link Drive#next}. */
public sealed interface Action {

  /**
   * Append these entries to the session log at {@code expectedHead}, then report the committed entries with
   * {@link Drive#resumeAppended}. Retrying the same action appends byte-identical entries.
   */
  record AppendEvents(long expectedHead, List<NewEntry> entries) implements Action {
    public AppendEvents {
      entries = List.copyOf(entries);
      if (entries.isEmpty()) throw new IllegalArgumentException("nothing to append");
    }
  }

  /**
   * Bring the context entries the host derives from the world (file catalog, instruction files, skill and tool
   * catalogs) up to date for run {@code run} before its first turn, and report what changed with
   * {@link Drive#resumePreparation} (an empty result when nothing did).
   */
  record PrepareRun(long run) implements Action {}

  /** Run this generation and report it with {@link Drive#resumeGeneration}. */
  record GenerateTurn(LlmRequest request) implements Action {
    public GenerateTurn {
      Objects.requireNonNull(request, "request");
    }
  }

  /** Run this standalone compaction and report it with {@link Drive#resumeCompaction}. */
  record CompactContext(CompactionRequest request) implements Action {
    public CompactContext {
      Objects.requireNonNull(request, "request");
    }
  }

  /** Run these tool calls (they may run concurrently) and report each with {@link Drive#resumeToolCall}. */
  record InvokeTools(ToolBatchRequest request) implements Action {
    public InvokeTools {
      Objects.requireNonNull(request, "request");
    }
  }

  /**
   * Nothing to do until a command or an effect result arrives; {@code outstandingEffects} says how many
   * effects the host was given and has not reported yet.
   */
  record Idle(int outstandingEffects) implements Action {}

  /** The session is closed; there will never be anything more to do. */
  record Closed() implements Action {}
}
