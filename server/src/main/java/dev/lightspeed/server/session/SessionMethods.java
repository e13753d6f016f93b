package dev.lightspeed.server.session;

import dev.lightspeed.api.Methods;
import dev.lightspeed.api.session.SessionCloseParams;
import dev.lightspeed.api.session.SessionCloseResponse;
import dev.lightspeed.api.session.SessionConfigPutParams;
import dev.lightspeed.api.session.SessionConfigPutResponse;
import dev.lightspeed.api.session.SessionDeleteParams;
import dev.lightspeed.api.session.SessionDeleteResponse;
import dev.lightspeed.api.session.SessionReadParams;
import dev.lightspeed.api.session.SessionReadResponse;
import dev.lightspeed.api.session.SessionRenameParams;
import dev.lightspeed.api.session.SessionRenameResponse;
import dev.lightspeed.api.session.SessionStartParams;
import dev.lightspeed.api.session.SessionStartResponse;
import dev.lightspeed.api.session.SessionView;
import dev.lightspeed.engine.command.Command;
import dev.lightspeed.engine.json.Json;
import dev.lightspeed.engine.session.Lifecycle;
import dev.lightspeed.engine.tool.ToolSpec;
import dev.lightspeed.runtime.temporal.AdmissionOutcome;
import dev.lightspeed.engine.context.ContextItem;
import dev.lightspeed.server.instructions.DefaultInstructions;
import dev.lightspeed.server.profile.Profiles;
import dev.lightspeed.server.profile.ResolvedProfile;
import dev.lightspeed.server.projection.Projection;
import dev.lightspeed.server.rpc.MethodTable;
import dev.lightspeed.server.rpc.RpcException;
import dev.lightspeed.server.tools.ToolCatalog;
import dev.lightspeed.store.SessionId;
import dev.lightspeed.store.blob.BlobStore;
import dev.lightspeed.store.log.SessionExistsException;
import dev.lightspeed.store.log.SessionLifecycle;
import dev.lightspeed.store.log.SessionNotClosedException;
import dev.lightspeed.store.log.SessionNotFoundException;
import dev.lightspeed.store.log.SessionSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * {@code session/start|read|rename|close|delete} and {@code session/config/put}. Creation writes the empty
 * log, then opens the session through its workflow and installs the server's tools; a retried start of an
 * existing session returns it unchanged. Reads fold the log; nothing here asks Temporal for data.
 *
 * <p>A start with a {@code profile} opens the session with the profile's config sections under the request's
 * own {@code config} (a section the request sets wins over the profile's; see
 * {@link SessionConfigs#overlay}), and puts the profile's instructions in as {@value Profiles#INSTRUCTIONS_KEY}
 * beside the built-in layer. The profile is read once: later changes to it, or its deletion, do not reach
 * the session.
 */
public final class SessionMethods {
  /** Longest display name accepted, in characters. */
  public static final int MAX_DISPLAY_NAME = 256;

  private final Sessions sessions;
  private final DisplayNames names;
  private final ToolCatalog tools;
  private final Json.Obj defaultModel;
  private final BlobStore blobs;
  private final ToolKinds toolKinds;
  private final Profiles profiles;

  /** @param defaultModel the {@code model} section given to configs that name none */
  public SessionMethods(Sessions sessions, DisplayNames names, ToolCatalog tools, Json.Obj defaultModel, BlobStore blobs,
      Profiles profiles) {
    this.sessions = Objects.requireNonNull(sessions, "sessions");
    this.blobs = Objects.requireNonNull(blobs, "blobs");
    this.toolKinds = new ToolKinds(blobs, sessions.universe());
    this.profiles = Objects.requireNonNull(profiles, "profiles");
    this.names = Objects.requireNonNull(names, "names");
    this.tools = Objects.requireNonNull(tools, "tools");
    this.defaultModel = Objects.requireNonNull(defaultModel, "defaultModel");
  }

  public void register(MethodTable.Builder table) {
    table.on(Methods.SESSION_START, SessionStartParams.class, this::start)
        .on(Methods.SESSION_READ, SessionReadParams.class, p -> new SessionReadResponse(view(sessions.id(p.sessionId()))))
        .on(Methods.SESSION_RENAME, SessionRenameParams.class, this::rename)
        .on(Methods.SESSION_CLOSE, SessionCloseParams.class, this::close)
        .on(Methods.SESSION_DELETE, SessionDeleteParams.class, this::delete)
        .on(Methods.SESSION_CONFIG_PUT, SessionConfigPutParams.class, this::putConfig);
    new SessionList(sessions, names).register(table);
  }

  /** {@return the session as of its head} */
  public SessionView view(SessionId session) {
    return view(session, sessions.latest(session));
  }

  /** {@return the session as of {@code projection}} */
  public SessionView view(SessionId session, Projection projection) {
    return SessionViews.view(sessions.summary(session), names.find(sessions.universe(), session), projection, toolKinds);
  }

  private SessionStartResponse start(SessionStartParams params) {
    SessionId session = params.sessionId() == null ? SessionId.of(UUID.randomUUID().toString()) : sessions.id(params.sessionId());
    String displayName = displayName(params.displayName());
    SessionSummary summary = sessions.log().find(sessions.universe(), session).orElse(null);
    if (summary != null && summary.lifecycle() != SessionLifecycle.NEW) return new SessionStartResponse(view(session));
    ResolvedProfile profile = params.profile() == null ? null : profiles.resolve(params.profile());
    Json.Obj requested = SessionConfigs.document(params.config());
    if (profile != null && profile.config().isPresent()) requested = SessionConfigs.overlay(profile.config().get(), requested);
    Json.Obj config = SessionConfigs.prepare(requested, defaultModel);
    List<ToolSpec> specs = toolSpecs(config);
    if (summary == null) create(session);
    if (displayName != null) names.put(sessions.universe(), session, displayName);
    List<ContextItem> instructions = new ArrayList<>(DefaultInstructions.command(blobs, sessions.universe()).items());
    if (profile != null) profile.instructions().ifPresent(instructions::add);
    // One admission: a session is never seen opened without its tools or its instructions.
    List<Command> opening = new ArrayList<>(List.of(new Command.OpenSession(config)));
    if (!specs.isEmpty()) opening.add(new Command.ReplaceTools(specs));
    opening.add(new Command.UpsertContext(OptionalLong.empty(), instructions));
    AdmissionOutcome opened = sessions.trySubmit(session, new Command.Atomic(opening));
    if (!opened.admitted()) {
      if (sessions.latest(session).state().lifecycle() == Lifecycle.NEW) throw Sessions.rejection(opened);
      return new SessionStartResponse(view(session)); // a concurrent start opened it first
    }
    return new SessionStartResponse(view(session));
  }

  private void create(SessionId session) {
    try {
      sessions.log().create(sessions.universe(), session);
    } catch (SessionExistsException racedWithAnotherStart) {
      // the other start created the log; opening below is decided by the workflow, one of the two wins
    }
  }

  private SessionRenameResponse rename(SessionRenameParams params) {
    SessionId session = sessions.id(params.sessionId());
    sessions.summary(session);
    String name = displayName(params.displayName());
    names.put(sessions.universe(), session, name);
    return new SessionRenameResponse(SessionViews.summary(sessions.summary(session), names.find(sessions.universe(), session)));
  }

  private SessionCloseResponse close(SessionCloseParams params) {
    SessionId session = sessions.id(params.sessionId());
    if (sessions.summary(session).lifecycle() == SessionLifecycle.CLOSED) return new SessionCloseResponse(view(session));
    AdmissionOutcome outcome = sessions.submit(session, new Command.CloseSession(params.force()));
    return new SessionCloseResponse(view(session, sessions.at(session, outcome.head())));
  }

  private SessionDeleteResponse delete(SessionDeleteParams params) {
    SessionId session = sessions.id(params.sessionId());
    SessionSummary summary = sessions.summary(session);
    try {
      sessions.log().delete(sessions.universe(), session);
    } catch (SessionNotClosedException e) {
      throw RpcException.rejected("session \"" + session + "\" is " + e.lifecycle().wireName()
          + "; close it with session/close before deleting it");
    } catch (SessionNotFoundException e) {
      throw Sessions.notFound(session);
    }
    var deleted = SessionViews.summary(summary, names.find(sessions.universe(), session));
    names.put(sessions.universe(), session, null);
    sessions.projections().forget(sessions.universe(), session);
    return new SessionDeleteResponse(deleted);
  }

  private SessionConfigPutResponse putConfig(SessionConfigPutParams params) {
    SessionId session = sessions.id(params.sessionId());
    Projection current = sessions.latest(session);
    Json.Obj config = prepareConfig(current, SessionConfigs.document(params.config()));
    OptionalLong expected = params.expectedConfigRevision() == null ? OptionalLong.empty() : OptionalLong.of(params.expectedConfigRevision());
    AdmissionOutcome outcome = replaceConfig(session, current, config, expected);
    return new SessionConfigPutResponse(view(session, sessions.at(session, outcome.head())));
  }

  /**
   * {@return {@code document} checked and given the session's model (else the deployment default) when it names none}
   *
   * @throws RpcException (invalid params) naming the offending member
   */
  public Json.Obj prepareConfig(Projection current, Json.Obj document) {
    Json.Obj model = current.state().config().document().findObject("model").orElse(defaultModel);
    return SessionConfigs.prepare(document, model);
  }

  /**
   * Replaces the session's config with {@code config} (from {@link #prepareConfig}) and installs the tool set it
   * grants when that differs from the one the session has as of {@code current}; {@return the last outcome}.
   *
   * @throws RpcException when the session refuses (stale {@code expected} revision, busy, closed) or the config's
   *     tool features are malformed
   */
  public AdmissionOutcome replaceConfig(SessionId session, Projection current, Json.Obj config, OptionalLong expected) {
    return sessions.submit(session, new Command.Atomic(configChange(config, expected)));
  }

  /**
   * {@return the commands that replace the session's config with {@code config} and install the tool set it
   * grants (unchanged tools record nothing)}, to be admitted as one so no run sees the config without its tools
   *
   * @throws RpcException when the config's tool features are malformed
   */
  public List<Command> configChange(Json.Obj config, OptionalLong expected) {
    return List.of(new Command.ReplaceConfig(expected, config), new Command.ReplaceTools(toolSpecs(config)));
  }

  /** {@return the tools a session with {@code config} gets} @throws RpcException when its tool features are malformed */
  private List<ToolSpec> toolSpecs(Json.Obj config) {
    try {
      return tools.specs().forConfig(sessions.universe(), config);
    } catch (IllegalArgumentException e) {
      throw RpcException.invalidParams("config: " + e.getMessage());
    }
  }

  private static String displayName(String raw) {
    if (raw == null || raw.isBlank()) return null;
    String name = raw.strip();
    if (name.length() > MAX_DISPLAY_NAME) {
      throw RpcException.invalidParams("displayName is " + name.length() + " characters long; at most " + MAX_DISPLAY_NAME + " are allowed");
    }
    return name;
  }
}
