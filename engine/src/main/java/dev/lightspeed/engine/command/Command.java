package dev.lightspeed.engine.command;

import dev.lightspeed.engine.context.ContextItem;
import dev.lightspeed.engine.json.Json;
import dev.lightspeed.engine.run.InputItem;
import dev.lightspeed.engine.tool.ToolSpec;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * An order given to a session. Admission turns a command into events or a {@link Rejection}; nothing
 * changes until those events are committed to the log. Revision guards ({@code expectedRevision}) are
 * optional: empty means "whatever the current revision is".
 */
public sealed interface Command {

  /** Open a new session with an initial config document. */
  record OpenSession(Json.Obj config) implements Command {
    public OpenSession {
      Objects.requireNonNull(config, "config");
    }
  }

  /** Replace the config document whole; only while no run is active or queued. */
  record ReplaceConfig(OptionalLong expectedRevision, Json.Obj config) implements Command {
    public ReplaceConfig {
      Objects.requireNonNull(expectedRevision, "expectedRevision");
      Objects.requireNonNull(config, "config");
    }
  }

  /** Place keyed items; re-sending a key with the same content is a no-op. */
  record UpsertContext(OptionalLong expectedRevision, List<ContextItem> items) implements Command {
    public UpsertContext {
      Objects.requireNonNull(expectedRevision, "expectedRevision");
      items = List.copyOf(items);
    }
  }

  /** Remove every entry whose key starts with {@code prefix}, then place {@code items} (keys under the prefix). */
  record ReplaceContextPrefix(OptionalLong expectedRevision, String prefix, List<ContextItem> items) implements Command {
    public ReplaceContextPrefix {
      Objects.requireNonNull(expectedRevision, "expectedRevision");
      Objects.requireNonNull(prefix, "prefix");
      items = List.copyOf(items);
    }
  }

  /** Remove entries by key and by id. */
  record RemoveContext(OptionalLong expectedRevision, List<String> keys, List<Long> ids) implements Command {
    public RemoveContext {
      Objects.requireNonNull(expectedRevision, "expectedRevision");
      keys = List.copyOf(keys);
      ids = List.copyOf(ids);
    }
  }

  /** Compact the context now (a standalone compaction); only while no turn is open. */
  record CompactContext() implements Command {}

  /**
   * Start a run, or queue it behind the active one. The submission id makes the request idempotent: the
   * same id with the same input and config is recognised and changes nothing.
   */
  record RequestRun(String submissionId, List<InputItem> input, Json.Obj config) implements Command {
    public RequestRun {
      Objects.requireNonNull(submissionId, "submissionId");
      input = List.copyOf(input);
      Objects.requireNonNull(config, "config");
    }
  }

  /** Cancel run {@code run} (0 for the active run): a queued run is dropped, an active one winds down. */
  record CancelRun(long run) implements Command {}

  /** End run {@code run} (0 for the active run) at once, without waiting for in-flight effects. */
  record ForceCancelRun(long run) implements Command {}

  /** Add input to the active run ({@code run} 0, or its id); it enters the context at the next turn boundary. */
  record SteerRun(long run, List<InputItem> input) implements Command {
    public SteerRun {
      input = List.copyOf(input);
    }
  }

  /**
   * Approve or deny call {@code callId} of run {@code run} (0 for the active run), which waits for approval;
   * {@code note} is what the person said (may be empty).
   */
  record DecideApproval(long run, String callId, boolean approve, String note) implements Command {
    public DecideApproval {
      Objects.requireNonNull(callId, "callId");
      Objects.requireNonNull(note, "note");
    }
  }

  /** Close the session. Without {@code force} it must be idle; with it, runs are cancelled first. */
  record CloseSession(boolean force) implements Command {}

  /**
   * Admit {@code commands} as one: each is admitted against the state the ones before it leave, and either all
   * of their events are recorded, in one append, or none (the first rejection is the answer). For changes that
   * must not be seen half-made, such as a config and the tool set derived from it.
   */
  record Atomic(List<Command> commands) implements Command {
    public Atomic {
      commands = List.copyOf(commands);
    }
  }

  /** Replace the session's tool set. */
  record ReplaceTools(List<ToolSpec> tools) implements Command {
    public ReplaceTools {
      tools = List.copyOf(tools);
    }
  }

  /** Add or replace tools by name and remove others. */
  record PatchTools(List<ToolSpec> upsert, List<String> remove) implements Command {
    public PatchTools {
      upsert = List.copyOf(upsert);
      remove = List.copyOf(remove);
    }
  }
}
