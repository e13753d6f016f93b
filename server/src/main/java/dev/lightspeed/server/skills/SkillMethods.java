package dev.lightspeed.server.skills;

import dev.lightspeed.api.Methods;
import dev.lightspeed.api.skills.SkillActivateParams;
import dev.lightspeed.api.skills.SkillActivateResponse;
import dev.lightspeed.api.skills.SkillActivationScope;
import dev.lightspeed.api.skills.SkillActivationSource;
import dev.lightspeed.api.skills.SkillActivationView;
import dev.lightspeed.api.skills.SkillActiveParams;
import dev.lightspeed.api.skills.SkillActiveResponse;
import dev.lightspeed.api.skills.SkillDeactivateParams;
import dev.lightspeed.api.skills.SkillDeactivateResponse;
import dev.lightspeed.api.skills.SkillListItem;
import dev.lightspeed.api.skills.SkillListParams;
import dev.lightspeed.api.skills.SkillListResponse;
import dev.lightspeed.engine.command.Command;
import dev.lightspeed.engine.context.ContextEntry;
import dev.lightspeed.engine.context.ContextItem;
import dev.lightspeed.engine.context.EntryKind;
import dev.lightspeed.engine.context.EntryRole;
import dev.lightspeed.engine.session.Lifecycle;
import dev.lightspeed.engine.session.SessionState;
import dev.lightspeed.runtime.temporal.AdmissionOutcome;
import dev.lightspeed.server.rpc.MethodTable;
import dev.lightspeed.server.rpc.RpcException;
import dev.lightspeed.server.session.Sessions;
import dev.lightspeed.store.SessionId;
import dev.lightspeed.store.blob.BlobStore;
import dev.lightspeed.store.vfs.VfsPath;
import dev.lightspeed.tools.vfs.VfsFeature;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code session/skills/list|active|activate|deactivate}. Listing discovers the skills in the session's files
 * as they are now; activating reads the skill's SKILL.md and puts its instructions into the context of an
 * open, idle session (for the next run, or for the session), deactivating takes them out.
 */
public final class SkillMethods {
  private final Sessions sessions;
  private final SkillCatalog catalog;
  private final BlobStore blobs;

  public SkillMethods(Sessions sessions, SkillCatalog catalog, BlobStore blobs) {
    this.sessions = Objects.requireNonNull(sessions, "sessions");
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.blobs = Objects.requireNonNull(blobs, "blobs");
  }

  public void register(MethodTable.Builder table) {
    table.on(Methods.SKILLS_LIST, SkillListParams.class, this::list)
        .on(Methods.SKILLS_ACTIVE, SkillActiveParams.class, this::active)
        .on(Methods.SKILLS_ACTIVATE, SkillActivateParams.class, this::activate)
        .on(Methods.SKILLS_DEACTIVATE, SkillDeactivateParams.class, this::deactivate);
  }

  private SkillListResponse list(SkillListParams params) {
    SessionState state = sessions.latest(sessions.id(params.sessionId())).state();
    SkillCatalog.Found found = catalog.discover(sessions.universe(), state.config().document());
    Set<String> active = views(state, found).stream().map(SkillActivationView::skillId).collect(Collectors.toSet());
    List<SkillListItem> items = found.skills().values().stream().map(s -> new SkillListItem(s.id(), s.id(), s.description(),
        s.shortDescription().orElse(null), true, active.contains(s.id()))).toList();
    return new SkillListResponse(catalogRef(state), items);
  }

  private SkillActiveResponse active(SkillActiveParams params) {
    SessionState state = sessions.latest(sessions.id(params.sessionId())).state();
    return new SkillActiveResponse(views(state, catalog.discover(sessions.universe(), state.config().document())), catalogRef(state));
  }

  private SkillActivateResponse activate(SkillActivateParams params) {
    SessionId session = sessions.id(params.sessionId());
    SessionState state = idle(session, "activate");
    Skill skill = catalog.discover(sessions.universe(), state.config().document()).skills().get(params.skillId());
    if (skill == null) {
      throw RpcException.notFound("this session's files hold no skill \"" + params.skillId() + "\"; session/skills/list shows the ones they do");
    }
    String body;
    try {
      body = catalog.instructions(sessions.universe(), state.config().document(), skill);
    } catch (SkillFile.FormatException e) {
      throw RpcException.invalidParams("skill \"" + skill.id() + "\" cannot be activated: " + skill.file() + ": " + e.getMessage());
    }
    SkillActivations.Key key = new SkillActivations.Key(params.scope(),
        params.scope() == SkillActivationScope.RUN ? state.runs().nextRunId() : 0, skill.id());
    byte[] bytes = ("# Skill " + skill.id() + " (" + skill.file() + ")\n\n" + body).getBytes(StandardCharsets.UTF_8);
    ContextItem item = new ContextItem(key.toString(), EntryKind.SKILL_ACTIVATION, EntryRole.SYSTEM, blobs.put(sessions.universe(), bytes),
        "text/markdown", null, skill.description(), Math.max(1, bytes.length / 4), null, false);
    List<String> others = SkillActivations.entries(state).stream().map(ContextEntry::key)
        .filter(k -> !k.equals(key.toString()) && SkillActivations.parse(k).orElseThrow().skillId().equals(skill.id())).toList();
    AdmissionOutcome outcome = sessions.submit(session, new Command.UpsertContext(OptionalLong.empty(), List.of(item)));
    if (!others.isEmpty()) outcome = sessions.submit(session, new Command.RemoveContext(OptionalLong.empty(), others, List.of()));
    SessionState after = sessions.at(session, outcome.head()).state();
    ContextEntry entry = after.context().findByKey(key.toString()).orElseThrow();
    return new SkillActivateResponse(SkillActivations.view(entry, Objects.requireNonNullElse(catalogRef(after), "")), views(after));
  }

  private SkillDeactivateResponse deactivate(SkillDeactivateParams params) {
    SessionId session = sessions.id(params.sessionId());
    SessionState state = idle(session, "deactivate");
    List<String> keys = SkillActivations.entries(state).stream().map(ContextEntry::key)
        .filter(k -> SkillActivations.parse(k).orElseThrow().skillId().equals(params.skillId())).toList();
    if (keys.isEmpty()) {
      throw RpcException.notFound("skill \"" + params.skillId() + "\" is not active in this session; session/skills/active lists the ones that are");
    }
    AdmissionOutcome outcome = sessions.submit(session, new Command.RemoveContext(OptionalLong.empty(), keys, List.of()));
    return new SkillDeactivateResponse(params.skillId(), views(sessions.at(session, outcome.head()).state()));
  }

  private SessionState idle(SessionId session, String verb) {
    SessionState state = sessions.latest(session).state();
    if (state.lifecycle() != Lifecycle.OPEN) throw RpcException.rejected("session " + session + " is not open; skills can change only in an open session");
    if (state.runs().active().isPresent() || !state.runs().queue().isEmpty()) {
      throw RpcException.rejected("session " + session + " has a run in progress; " + verb + " the skill once it is idle");
    }
    return state;
  }

  private static List<SkillActivationView> views(SessionState state) {
    String catalogRef = Objects.requireNonNullElse(catalogRef(state), ""); // no catalog entry until a run is prepared
    return SkillActivations.entries(state).stream().map(e -> SkillActivations.view(e, catalogRef)).toList();
  }

  /** {@return the activations through the API, then the skills the model read itself (their tool results)} */
  private List<SkillActivationView> views(SessionState state, SkillCatalog.Found found) {
    List<SkillActivationView> out = new ArrayList<>(views(state));
    String catalogRef = Objects.requireNonNullElse(catalogRef(state), "");
    Map<VfsPath, Skill> byFile = new HashMap<>();
    for (Skill skill : found.skills().values()) byFile.put(skill.file(), skill);
    VfsPath workingDirectory = VfsFeature.fromConfig(state.config().document()).map(VfsFeature::workingDirectory).orElse(VfsPath.ROOT);
    SkillReads.find(state.context().entries(), byFile, workingDirectory, blobs, sessions.universe()).forEach((callId, skill) ->
        out.add(new SkillActivationView(SkillCatalog.CATALOG_ID, skill.id(), catalogRef, skill.id(), skill.description(),
            skill.shortDescription().orElse(null), SkillActivationScope.RUN, new SkillActivationSource.ToolResult(callId))));
    return out;
  }

  /** {@return the ref of the catalog entry the session holds, or null when it holds none} */
  private static String catalogRef(SessionState state) {
    return SkillCatalog.current(state).map(e -> e.item().content().toString()).orElse(null);
  }
}
