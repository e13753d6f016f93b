package dev.lightspeed.server.context;

import dev.lightspeed.api.Methods;
import dev.lightspeed.api.context.ContextAppendEntry;
import dev.lightspeed.api.context.ContextAppendParams;
import dev.lightspeed.api.context.ContextAppendResponse;
import dev.lightspeed.api.context.ContextAppendResult;
import dev.lightspeed.api.context.ContextAppendStatus;
import dev.lightspeed.api.context.ContextCompactParams;
import dev.lightspeed.api.context.ContextCompactResponse;
import dev.lightspeed.api.context.ContextRemoveParams;
import dev.lightspeed.api.context.ContextRemoveResponse;
import dev.lightspeed.api.context.ContextRemoveResult;
import dev.lightspeed.api.context.ContextRemoveStatus;
import dev.lightspeed.api.input.InputAdmissionFailureKind;
import dev.lightspeed.api.input.InputAdmissionFailureView;
import dev.lightspeed.engine.command.Command;
import dev.lightspeed.engine.context.ContextItem;
import dev.lightspeed.engine.context.ContextState;
import dev.lightspeed.engine.context.EntryKind;
import dev.lightspeed.engine.context.EntryRole;
import dev.lightspeed.runtime.temporal.AdmissionOutcome;
import dev.lightspeed.server.events.AppendSignal;
import dev.lightspeed.server.input.Inputs;
import dev.lightspeed.server.projection.Projection;
import dev.lightspeed.server.rpc.MethodTable;
import dev.lightspeed.server.session.SessionMethods;
import dev.lightspeed.server.session.Sessions;
import dev.lightspeed.store.SessionId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * {@code session/context/append|remove|compact}. Append and remove answer per key, so one bad entry does
 * not discard the others, and are idempotent (same content or an absent key change nothing). Keys under
 * {@value #RESERVED_PREFIX} belong to the runtime. Compact waits, up to {@link #COMPACTION_WAIT}, for the
 * compaction to finish so the returned session shows its result.
 */
public final class ContextMethods {
  public static final String RESERVED_PREFIX = "run.";
  /**
   * A client's own instruction layers: a text entry under this prefix (say {@code instructions.session}) is
   * an instructions entry, placed with the other layers at the head of the prompt, not a user message.
   */
  public static final String INSTRUCTIONS_PREFIX = "instructions.";
  /** Keys the runtime keeps up to date itself (built-in instructions, catalogs, instruction files, skills). */
  private static final List<String> RUNTIME_KEYS = List.of("instructions.default", "instructions.profile", "vfs.catalog", "skills.catalog");
  private static final List<String> RUNTIME_PREFIXES = List.of(RESERVED_PREFIX, "prompt_instructions/", "skill_activation/");
  public static final Duration COMPACTION_WAIT = Duration.ofMinutes(2);

  private final Sessions sessions;
  private final Inputs inputs;
  private final SessionMethods views;
  private final AppendSignal appends;

  public ContextMethods(Sessions sessions, Inputs inputs, SessionMethods views, AppendSignal appends) {
    this.sessions = Objects.requireNonNull(sessions, "sessions");
    this.inputs = Objects.requireNonNull(inputs, "inputs");
    this.views = Objects.requireNonNull(views, "views");
    this.appends = Objects.requireNonNull(appends, "appends");
  }

  public void register(MethodTable.Builder table) {
    table.on(Methods.CONTEXT_APPEND, ContextAppendParams.class, this::append)
        .on(Methods.CONTEXT_REMOVE, ContextRemoveParams.class, this::remove)
        .on(Methods.CONTEXT_COMPACT, ContextCompactParams.class, this::compact);
  }

  private ContextAppendResponse append(ContextAppendParams params) {
    SessionId session = sessions.id(params.sessionId());
    ContextState before = sessions.latest(session).state().context();
    List<ContextAppendResult> results = new ArrayList<>();
    List<ContextItem> changes = new ArrayList<>();
    for (ContextAppendEntry entry : params.entries()) {
      if (entry.key().isBlank() || runtimeOwned(entry.key())) {
        results.add(failed(entry.key(), InputAdmissionFailureKind.ADMISSION_REJECTED, entry.key().isBlank()
            ? "a context key must not be blank" : "key \"" + entry.key() + "\" is kept by the runtime; choose another key"));
        continue;
      }
      switch (inputs.admit(sessions.universe(), entry.item())) {
        case Inputs.Admitted.Refused(InputAdmissionFailureKind kind, String message) -> results.add(failed(entry.key(), kind, message));
        case Inputs.Admitted.Accepted(var input) -> {
          ContextItem item = asLayer(input.item().toContextItem().withKey(entry.key()));
          boolean same = before.findByKey(entry.key()).map(e -> e.item().sameContentAs(item)).orElse(false);
          if (!same) changes.add(item);
          results.add(new ContextAppendResult(entry.key(), same ? ContextAppendStatus.UNCHANGED : ContextAppendStatus.APPLIED,
              ContextViews.input(item), null, null, null));
        }
      }
    }
    long revision = before.revision();
    if (!changes.isEmpty()) {
      AdmissionOutcome outcome = sessions.submit(session, new Command.UpsertContext(OptionalLong.empty(), changes));
      revision = sessions.at(session, outcome.head()).state().context().revision();
    }
    return new ContextAppendResponse(revision, results);
  }

  /** {@return whether the runtime writes {@code key} itself, so a client may neither set nor remove it} */
  static boolean runtimeOwned(String key) {
    return RUNTIME_KEYS.contains(key) || RUNTIME_PREFIXES.stream().anyMatch(key::startsWith);
  }

  /** {@return {@code item} as an instructions entry when its key names an instruction layer and it is text} */
  private static ContextItem asLayer(ContextItem item) {
    if (!item.key().startsWith(INSTRUCTIONS_PREFIX) || item.kind() != EntryKind.MESSAGE || !item.mediaType().startsWith("text/")) return item;
    return new ContextItem(item.key(), EntryKind.INSTRUCTIONS, EntryRole.SYSTEM, item.content(), item.mediaType(), null, item.preview(),
        item.tokenEstimate(), null, false);
  }

  private ContextRemoveResponse remove(ContextRemoveParams params) {
    SessionId session = sessions.id(params.sessionId());
    ContextState before = sessions.latest(session).state().context();
    List<ContextRemoveResult> results = new ArrayList<>();
    List<String> present = new ArrayList<>();
    for (String key : params.keys()) {
      if (runtimeOwned(key)) {
        results.add(new ContextRemoveResult(key, ContextRemoveStatus.FAILED, new InputAdmissionFailureView(
            InputAdmissionFailureKind.ADMISSION_REJECTED, "key \"" + key + "\" is kept by the runtime and cannot be removed")));
      } else if (before.findByKey(key).isPresent()) {
        present.add(key);
        results.add(new ContextRemoveResult(key, ContextRemoveStatus.REMOVED, null));
      } else {
        results.add(new ContextRemoveResult(key, ContextRemoveStatus.ABSENT, null));
      }
    }
    long revision = before.revision();
    if (!present.isEmpty()) {
      AdmissionOutcome outcome = sessions.submit(session, new Command.RemoveContext(OptionalLong.empty(), present, List.of()));
      revision = sessions.at(session, outcome.head()).state().context().revision();
    }
    return new ContextRemoveResponse(revision, results);
  }

  private ContextCompactResponse compact(ContextCompactParams params) {
    SessionId session = sessions.id(params.sessionId());
    AdmissionOutcome outcome = sessions.submit(session, new Command.CompactContext());
    long deadline = System.nanoTime() + COMPACTION_WAIT.toNanos();
    Projection projection = sessions.at(session, outcome.head());
    while (projection.state().context().pendingCompaction().isPresent() && System.nanoTime() < deadline) {
      appends.awaitAfter(sessions.universe(), session, projection.head(), Duration.ofNanos(deadline - System.nanoTime()));
      projection = sessions.latest(session);
    }
    return new ContextCompactResponse(views.view(session, projection));
  }

  private static ContextAppendResult failed(String key, InputAdmissionFailureKind kind, String message) {
    return new ContextAppendResult(key, ContextAppendStatus.FAILED, null, new InputAdmissionFailureView(kind, message), null, null);
  }
}
