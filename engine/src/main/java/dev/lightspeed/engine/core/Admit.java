package dev.lightspeed.engine.core;

import dev.lightspeed.engine.cas.BlobRef;
import dev.lightspeed.engine.command.Admission;
import dev.lightspeed.engine.command.Command;
import dev.lightspeed.engine.command.Rejection;
import dev.lightspeed.engine.context.ContextEntry;
import dev.lightspeed.engine.context.ContextItem;
import dev.lightspeed.engine.context.ContextState.CompactionTrigger;
import dev.lightspeed.engine.context.EntrySource;
import dev.lightspeed.engine.event.ContextEvent;
import dev.lightspeed.engine.event.Event;
import dev.lightspeed.engine.event.EventCodec;
import dev.lightspeed.engine.event.LifecycleEvent;
import dev.lightspeed.engine.event.RunEvent;
import dev.lightspeed.engine.event.ToolEvent;
import dev.lightspeed.engine.event.ToolsEvent;
import dev.lightspeed.engine.json.CanonicalJson;
import dev.lightspeed.engine.json.Json;
import dev.lightspeed.engine.llm.ModelRef;
import dev.lightspeed.engine.run.InputItem;
import dev.lightspeed.engine.run.Run;
import dev.lightspeed.engine.run.RunOutcome;
import dev.lightspeed.engine.run.RunStatus;
import dev.lightspeed.engine.run.Submission;
import dev.lightspeed.engine.run.Turn;
import dev.lightspeed.engine.session.ConfigException;
import dev.lightspeed.engine.session.Lifecycle;
import dev.lightspeed.engine.session.SessionConfigParser;
import dev.lightspeed.engine.session.SessionSettings;
import dev.lightspeed.engine.session.SessionState;
import dev.lightspeed.engine.tool.CallState;
import dev.lightspeed.engine.tool.ToolSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Admission: {@code admit(state, command)} decides whether a command may happen now and, if so, which
 * events record it. Pure; a refusal is a {@link Rejection} with a message a user can act on, never an
 * exception.
 */
public final class Admit {
  private static final Pattern SUBMISSION_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  private Admit() {}

  public static Admission admit(SessionState s, Command command) {
    if (s.lifecycle() == Lifecycle.NEW && !(command instanceof Command.OpenSession) && !opensFirst(command)) {
      return reject(Rejection.rejected("the session is not open yet; open it first"));
    }
    if (s.lifecycle() == Lifecycle.CLOSED) {
      return command instanceof Command.CloseSession ? admitted(List.of(), 0) : reject(Rejection.rejected("the session is closed"));
    }
    return switch (command) {
      case Command.OpenSession c -> open(s, c);
      case Command.ReplaceConfig c -> replaceConfig(s, c);
      case Command.UpsertContext c -> upsertContext(s, c);
      case Command.ReplaceContextPrefix c -> replacePrefix(s, c);
      case Command.RemoveContext c -> removeContext(s, c);
      case Command.CompactContext c -> compact(s);
      case Command.RequestRun c -> requestRun(s, c);
      case Command.CancelRun c -> cancel(s, c.run(), false);
      case Command.ForceCancelRun c -> cancel(s, c.run(), true);
      case Command.SteerRun c -> steer(s, c);
      case Command.DecideApproval c -> decideApproval(s, c);
      case Command.Atomic c -> atomic(s, c);
      case Command.CloseSession c -> close(s, c);
      case Command.ReplaceTools c -> replaceTools(s, c);
      case Command.PatchTools c -> patchTools(s, c);
    };
  }

  // ---- session and config -------------------------------------------------------------------------------

  private static Admission open(SessionState s, Command.OpenSession c) {
    if (s.lifecycle() != Lifecycle.NEW) return reject(Rejection.conflict("the session is already open"));
    Optional<Rejection> bad = checkConfig(c.config());
    return bad.isPresent() ? reject(bad.get()) : admitted(List.of(new LifecycleEvent.Opened(c.config())), 0);
  }

  private static Admission replaceConfig(SessionState s, Command.ReplaceConfig c) {
    Optional<Rejection> stale = guard("config", c.expectedRevision(), s.config().revision());
    if (stale.isPresent()) return reject(stale.get());
    if (c.config().equals(s.config().document())) return admitted(List.of(), 0);
    if (s.runs().busy()) return reject(Rejection.rejected("the config can change only while the session is idle; " + busyHint(s)));
    Optional<Rejection> bad = checkConfig(c.config());
    if (bad.isPresent()) return reject(bad.get());
    Optional<ModelRef> before = s.config().settings().model();
    Optional<ModelRef> after = SessionConfigParser.parseSession(c.config()).model();
    if (before.isPresent() && after.isPresent() && !before.get().apiKind().equals(after.get().apiKind())) {
      return reject(Rejection.invalid("config.model.apiKind is pinned to \"" + before.get().apiKind()
          + "\" for the session's lifetime; start a new session to use \"" + after.get().apiKind() + "\""));
    }
    return admitted(List.of(new LifecycleEvent.ConfigChanged(s.config().revision() + 1, c.config())), 0);
  }

  private static Optional<Rejection> checkConfig(Json.Obj config) {
    if (CanonicalJson.writeUtf8(config).length > Limits.MAX_CONFIG_BYTES) {
      return Optional.of(Rejection.invalid("the config document is larger than " + Limits.MAX_CONFIG_BYTES + " bytes"));
    }
    try {
      SessionSettings ignored = SessionConfigParser.parseSession(config);
      return Optional.empty();
    } catch (ConfigException e) {
      return Optional.of(Rejection.invalid(e.getMessage()));
    }
  }

  private static Admission close(SessionState s, Command.CloseSession c) {
    if (!s.runs().busy()) return admitted(List.of(new LifecycleEvent.Closed(false)), 0);
    if (!c.force()) {
      return reject(Rejection.rejected("the session has active or queued runs; cancel them or close with force (" + busyHint(s) + ")"));
    }
    List<Event> events = new ArrayList<>();
    for (Run queued : s.runs().queue()) events.add(new RunEvent.QueuedCancelled(queued.id()));
    s.runs().active().ifPresent(r -> events.add(new RunEvent.ForceCancelled(r.id())));
    events.add(new LifecycleEvent.Closed(true));
    return admitted(events, 0);
  }

  // ---- context ------------------------------------------------------------------------------------------

  private static Admission upsertContext(SessionState s, Command.UpsertContext c) {
    Optional<Rejection> blocked = contextEditable(s, c.expectedRevision());
    if (blocked.isPresent()) return reject(blocked.get());
    Optional<Rejection> bad = checkItems(c.items(), null);
    if (bad.isPresent()) return reject(bad.get());
    List<ContextItem> changed = new ArrayList<>();
    for (ContextItem item : c.items()) {
      Optional<ContextEntry> existing = s.context().findByKey(item.key());
      if (existing.isEmpty() || !existing.get().item().equals(item)) changed.add(item);
    }
    if (changed.isEmpty()) return admitted(List.of(), 0);
    return admitted(List.of(new ContextEvent.EntriesApplied(EntrySource.CONTEXT_EDIT, changed)), 0);
  }

  private static Admission replacePrefix(SessionState s, Command.ReplaceContextPrefix c) {
    Optional<Rejection> blocked = contextEditable(s, c.expectedRevision());
    if (blocked.isPresent()) return reject(blocked.get());
    Optional<Rejection> badPrefix = checkKey(c.prefix(), "prefix");
    if (badPrefix.isPresent()) return reject(badPrefix.get());
    Optional<Rejection> bad = checkItems(c.items(), c.prefix());
    if (bad.isPresent()) return reject(bad.get());
    return admitted(List.of(new ContextEvent.KeyPrefixReplaced(c.prefix(), EntrySource.CONTEXT_EDIT, c.items())), 0);
  }

  private static Admission removeContext(SessionState s, Command.RemoveContext c) {
    Optional<Rejection> blocked = contextEditable(s, c.expectedRevision());
    if (blocked.isPresent()) return reject(blocked.get());
    if (c.keys().isEmpty() && c.ids().isEmpty()) return reject(Rejection.invalid("name at least one key or entry id to remove"));
    if (c.keys().size() + c.ids().size() > Limits.MAX_CONTEXT_ITEMS_PER_EDIT) {
      return reject(Rejection.invalid("at most " + Limits.MAX_CONTEXT_ITEMS_PER_EDIT + " entries can be removed at once"));
    }
    for (String key : c.keys()) {
      Optional<Rejection> bad = checkKey(key, "key");
      if (bad.isPresent()) return reject(bad.get());
    }
    Set<Long> present = new HashSet<>();
    for (ContextEntry e : s.context().entries()) present.add(e.id());
    for (long id : c.ids()) if (!present.contains(id)) return reject(Rejection.notFound("no context entry " + id));
    List<String> keys = c.keys().stream().filter(k -> s.context().findByKey(k).isPresent()).distinct().toList();
    Set<String> removedKeys = new HashSet<>(keys);
    List<Long> ids = s.context().entries().stream()
        .filter(e -> c.ids().contains(e.id()) && (e.key() == null || !removedKeys.contains(e.key())))
        .map(ContextEntry::id).toList();
    List<Event> events = new ArrayList<>();
    if (!keys.isEmpty()) events.add(new ContextEvent.KeysRemoved(keys));
    if (!ids.isEmpty()) events.add(new ContextEvent.EntriesRemoved(ids));
    return admitted(events, 0);
  }

  private static Admission compact(SessionState s) {
    if (s.turnOpen()) return reject(Rejection.rejected("the context can be compacted only between turns"));
    if (s.context().pendingCompaction().isPresent()) return reject(Rejection.rejected("a compaction is already in progress"));
    if (!s.context().hasPrunableBefore(s.context().nextEntryId())) return reject(Rejection.rejected("there is nothing to compact yet"));
    long run = s.runs().active().map(Run::id).orElse(0L);
    return admitted(List.of(new ContextEvent.CompactionRequested(s.context().nextCompactionId(),
        CompactionTrigger.MANUAL, run, s.context().nextEntryId())), run);
  }

  private static Optional<Rejection> contextEditable(SessionState s, OptionalLong expected) {
    Optional<Rejection> stale = guard("context", expected, s.context().revision());
    if (stale.isPresent()) return stale;
    if (s.turnOpen()) return Optional.of(Rejection.rejected("the context can change only between turns; retry when the turn ends"));
    if (s.context().pendingCompaction().isPresent()) return Optional.of(Rejection.rejected("the context is being compacted; retry when it finishes"));
    return Optional.empty();
  }

  private static Optional<Rejection> checkItems(List<ContextItem> items, String prefix) {
    if (items.isEmpty() && prefix == null) return Optional.of(Rejection.invalid("no context items given"));
    if (items.size() > Limits.MAX_CONTEXT_ITEMS_PER_EDIT) {
      return Optional.of(Rejection.invalid("at most " + Limits.MAX_CONTEXT_ITEMS_PER_EDIT + " context items per edit, got " + items.size()));
    }
    Set<String> seen = new HashSet<>();
    for (ContextItem item : items) {
      if (item.key() == null) return Optional.of(Rejection.invalid("every context item needs a key"));
      Optional<Rejection> bad = checkKey(item.key(), "key");
      if (bad.isPresent()) return bad;
      if (prefix != null && !item.key().startsWith(prefix)) {
        return Optional.of(Rejection.invalid("key \"" + item.key() + "\" does not start with the prefix \"" + prefix + "\""));
      }
      if (!seen.add(item.key())) return Optional.of(Rejection.invalid("key \"" + item.key() + "\" appears twice"));
      if (item.preview() != null && item.preview().length() > Limits.MAX_PREVIEW_LENGTH) {
        return Optional.of(Rejection.invalid("the preview of \"" + item.key() + "\" is longer than " + Limits.MAX_PREVIEW_LENGTH + " characters"));
      }
    }
    return Optional.empty();
  }

  private static Optional<Rejection> checkKey(String key, String what) {
    if (key.isEmpty() || key.length() > Limits.MAX_KEY_LENGTH) {
      return Optional.of(Rejection.invalid(what + " must be 1-" + Limits.MAX_KEY_LENGTH + " characters, got " + key.length()));
    }
    for (int i = 0; i < key.length(); i++) {
      if (Character.isISOControl(key.charAt(i))) return Optional.of(Rejection.invalid(what + " \"" + printable(key) + "\" contains a control character"));
    }
    return Optional.empty();
  }

  // ---- runs ---------------------------------------------------------------------------------------------

  private static Admission requestRun(SessionState s, Command.RequestRun c) {
    if (!SUBMISSION_ID.matcher(c.submissionId()).matches()) {
      return reject(Rejection.invalid("invalid submission id \"" + printable(c.submissionId()) + "\" (expected 1-128 of [A-Za-z0-9._:-])"));
    }
    Optional<Rejection> bad = checkInput(c.input(), "run input");
    if (bad.isPresent()) return reject(bad.get());
    try {
      SessionConfigParser.checkRun(c.config());
    } catch (ConfigException e) {
      return reject(Rejection.invalid(e.getMessage()));
    }
    String digest = inputDigest(c.input(), c.config());
    Submission seen = s.runs().submissions().get(c.submissionId());
    if (seen != null) {
      if (seen.inputDigest().equals(digest)) return admitted(List.of(), seen.run());
      return reject(Rejection.conflict("submission id \"" + c.submissionId() + "\" was already used for run " + seen.run()
          + " with different input; use a new submission id"));
    }
    long run = s.runs().nextRunId();
    return admitted(List.of(new RunEvent.Accepted(run, c.submissionId(), c.input(), c.config(), digest)), run);
  }

  static String inputDigest(List<InputItem> input, Json.Obj config) {
    List<Json> items = input.stream().map(i -> (Json) EventCodec.inputItem(i)).toList();
    Json.Obj doc = Json.Obj.builder().putArray("input", items).put("config", config).build();
    return BlobRef.sha256(CanonicalJson.writeUtf8(doc)).toString();
  }

  private static Optional<Rejection> checkInput(List<InputItem> input, String what) {
    if (input.isEmpty()) return Optional.of(Rejection.invalid(what + " is empty"));
    if (input.size() > Limits.MAX_INPUT_ITEMS) {
      return Optional.of(Rejection.invalid(what + " has " + input.size() + " items; at most " + Limits.MAX_INPUT_ITEMS + " are allowed"));
    }
    for (InputItem item : input) {
      if (item.preview().length() > Limits.MAX_PREVIEW_LENGTH) {
        return Optional.of(Rejection.invalid(what + " has a preview longer than " + Limits.MAX_PREVIEW_LENGTH + " characters"));
      }
      if (item.mediaType().isBlank()) return Optional.of(Rejection.invalid(what + " has an item without a media type"));
    }
    return Optional.empty();
  }

  private static Admission cancel(SessionState s, long runId, boolean force) {
    Optional<Run> active = s.runs().active();
    if (runId == 0) {
      if (active.isEmpty()) return reject(Rejection.notFound("there is no active run to cancel"));
      runId = active.get().id();
    }
    long id = runId;
    if (active.isPresent() && active.get().id() == id) {
      Run run = active.get();
      if (force) return admitted(List.of(new RunEvent.ForceCancelled(id)), id);
      if (run.status() == RunStatus.CANCELLING) return admitted(List.of(), id);
      return admitted(List.of(new RunEvent.CancellationRequested(id)), id);
    }
    if (s.runs().findQueued(id).isPresent()) return admitted(List.of(new RunEvent.QueuedCancelled(id)), id);
    RunOutcome finished = s.runs().finished().get(id);
    if (finished != null) return admitted(List.of(), id);
    return reject(Rejection.notFound("there is no run " + id));
  }

  private static Admission steer(SessionState s, Command.SteerRun c) {
    Optional<Rejection> bad = checkInput(c.input(), "steering input");
    if (bad.isPresent()) return reject(bad.get());
    Optional<Run> active = s.runs().active();
    if (active.isEmpty()) {
      if (c.run() != 0 && !s.runs().finished().containsKey(c.run()) && s.runs().findQueued(c.run()).isEmpty()) {
        return reject(Rejection.notFound("there is no run " + c.run()));
      }
      if (!s.runs().queue().isEmpty()) {
        return reject(Rejection.rejected("run " + s.runs().queue().get(0).id() + " has not started yet; steer it once it is running"));
      }
      return reject(Rejection.rejected("there is no active run to steer; start a run instead"));
    }
    Run run = active.get();
    if (c.run() != 0 && c.run() != run.id()) {
      if (!s.runs().finished().containsKey(c.run()) && s.runs().findQueued(c.run()).isEmpty()) return reject(Rejection.notFound("there is no run " + c.run()));
      return reject(Rejection.rejected("run " + c.run() + " is not active (run " + run.id() + " is)"));
    }
    if (run.status() == RunStatus.CANCELLING) return reject(Rejection.rejected("run " + run.id() + " is cancelling; steering is not accepted"));
    return admitted(List.of(new RunEvent.SteeringAccepted(run.id(), s.runs().nextSteeringId(), c.input())), run.id());
  }

  /** {@return whether {@code command} is an atomic bundle whose first command opens the session} */
  private static boolean opensFirst(Command command) {
    return command instanceof Command.Atomic atomic && !atomic.commands().isEmpty() && atomic.commands().getFirst() instanceof Command.OpenSession;
  }

  private static Admission atomic(SessionState s, Command.Atomic c) {
    if (c.commands().isEmpty()) return reject(Rejection.invalid("an atomic command needs at least one command"));
    if (c.commands().size() > Limits.MAX_ATOMIC_COMMANDS) {
      return reject(Rejection.invalid("an atomic command bundles at most " + Limits.MAX_ATOMIC_COMMANDS + " commands, got " + c.commands().size()));
    }
    List<Event> events = new ArrayList<>();
    SessionState next = s;
    long run = 0;
    for (Command command : c.commands()) {
      if (command instanceof Command.Atomic) return reject(Rejection.invalid("atomic commands do not nest"));
      switch (admit(next, command)) {
        case Admission.Rejected rejected -> {
          return rejected;
        }
        case Admission.Admitted admitted -> {
          for (Event e : admitted.events()) next = Evolve.apply(next, e);
          events.addAll(admitted.events());
          if (admitted.run() != 0) run = admitted.run();
        }
      }
    }
    return admitted(events, run);
  }

  private static Admission decideApproval(SessionState s, Command.DecideApproval c) {
    if (c.note().length() > Limits.MAX_PREVIEW_LENGTH) {
      return reject(Rejection.invalid("the approval note is longer than " + Limits.MAX_PREVIEW_LENGTH + " characters"));
    }
    Optional<Run> active = s.runs().active();
    if (active.isEmpty() || (c.run() != 0 && c.run() != active.get().id())) {
      String which = c.run() == 0 ? "there is no active run" : "run " + c.run() + " is not active";
      return reject(Rejection.notFound(which + ", so no call of it waits for approval"));
    }
    Run run = active.get();
    if (run.status() == RunStatus.CANCELLING) return reject(Rejection.rejected("run " + run.id() + " is cancelling; its waiting calls are cancelled"));
    Optional<CallState> call = run.openTurn().flatMap(Turn::batch).flatMap(b -> b.find(c.callId()));
    if (call.isEmpty()) return reject(Rejection.notFound("run " + run.id() + " has no tool call \"" + printable(c.callId()) + "\" in its current turn"));
    if (!call.get().awaitingApproval()) {
      return reject(Rejection.conflict("tool call \"" + printable(c.callId()) + "\" is not waiting for approval (" + call.get().approval().wireName() + ")"));
    }
    Turn turn = run.turn();
    long batch = turn.batch().orElseThrow().id();
    return admitted(List.of(new ToolEvent.ApprovalDecided(run.id(), turn.id(), batch, c.callId(), c.approve(), c.note())), run.id());
  }

  // ---- tools --------------------------------------------------------------------------------------------

  private static Admission replaceTools(SessionState s, Command.ReplaceTools c) {
    if (s.turnOpen()) return reject(Rejection.rejected("the tool set can change only between turns"));
    Optional<Rejection> bad = checkTools(c.tools());
    if (bad.isPresent()) return reject(bad.get());
    if (new TreeMap<>(byName(c.tools())).equals(s.tooling().tools())) return admitted(List.of(), 0);
    return admitted(List.of(new ToolsEvent.Replaced(c.tools())), 0);
  }

  private static Admission patchTools(SessionState s, Command.PatchTools c) {
    if (s.turnOpen()) return reject(Rejection.rejected("the tool set can change only between turns"));
    if (c.upsert().isEmpty() && c.remove().isEmpty()) return reject(Rejection.invalid("the tool patch is empty"));
    Optional<Rejection> bad = checkTools(c.upsert());
    if (bad.isPresent()) return reject(bad.get());
    for (String name : c.remove()) {
      if (!ToolSpec.validName(name)) return reject(Rejection.invalid("invalid tool name: \"" + printable(name) + "\""));
    }
    return admitted(List.of(new ToolsEvent.Patched(c.upsert(), c.remove())), 0);
  }

  private static Optional<Rejection> checkTools(List<ToolSpec> tools) {
    if (tools.size() > Limits.MAX_TOOLS) return Optional.of(Rejection.invalid("at most " + Limits.MAX_TOOLS + " tools, got " + tools.size()));
    Set<String> names = new HashSet<>();
    for (ToolSpec t : tools) if (!names.add(t.name())) return Optional.of(Rejection.invalid("tool \"" + t.name() + "\" appears twice"));
    return Optional.empty();
  }

  private static Map<String, ToolSpec> byName(List<ToolSpec> tools) {
    Map<String, ToolSpec> map = new HashMap<>();
    for (ToolSpec t : tools) map.put(t.name(), t);
    return map;
  }

  // ---- shared -------------------------------------------------------------------------------------------

  private static Optional<Rejection> guard(String what, OptionalLong expected, long actual) {
    if (expected.isPresent() && expected.getAsLong() != actual) {
      return Optional.of(Rejection.conflict("the " + what + " is at revision " + actual + ", not " + expected.getAsLong() + "; read it again and retry"));
    }
    return Optional.empty();
  }

  private static String busyHint(SessionState s) {
    StringBuilder b = new StringBuilder();
    s.runs().active().ifPresent(r -> b.append("run ").append(r.id()).append(" is ").append(r.status().wireName()));
    if (!s.runs().queue().isEmpty()) {
      if (b.length() > 0) b.append(", ");
      b.append(s.runs().queue().size()).append(" queued");
    }
    return b.toString();
  }

  private static String printable(String text) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < text.length() && i < 80; i++) {
      char ch = text.charAt(i);
      if (Character.isISOControl(ch)) b.append(String.format("\\u%04x", (int) ch));
      else b.append(ch);
    }
    if (text.length() > 80) b.append("...");
    return b.toString();
  }

  private static Admission admitted(List<Event> events, long run) {
    return new Admission.Admitted(events, run);
  }

  private static Admission reject(Rejection rejection) {
    return new Admission.Rejected(rejection);
  }
}
