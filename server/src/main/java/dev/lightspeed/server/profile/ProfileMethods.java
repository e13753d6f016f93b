package dev.lightspeed.server.profile;

import dev.lightspeed.api.Methods;
import dev.lightspeed.api.profile.ProfileApplyParams;
import dev.lightspeed.api.profile.ProfileApplyResponse;
import dev.lightspeed.api.profile.ProfileApplySummary;
import dev.lightspeed.api.profile.ProfileCreateParams;
import dev.lightspeed.api.profile.ProfileCreateResponse;
import dev.lightspeed.api.profile.ProfileDeleteParams;
import dev.lightspeed.api.profile.ProfileDeleteResponse;
import dev.lightspeed.api.profile.ProfileListParams;
import dev.lightspeed.api.profile.ProfileListResponse;
import dev.lightspeed.api.profile.ProfilePutParams;
import dev.lightspeed.api.profile.ProfilePutResponse;
import dev.lightspeed.api.profile.ProfileReadParams;
import dev.lightspeed.api.profile.ProfileReadResponse;
import dev.lightspeed.api.rpc.ErrorKind;
import dev.lightspeed.engine.command.Command;
import dev.lightspeed.engine.context.ContextEntry;
import dev.lightspeed.engine.context.ContextItem;
import dev.lightspeed.engine.json.Json;
import dev.lightspeed.engine.session.Lifecycle;
import dev.lightspeed.engine.session.SessionState;
import dev.lightspeed.server.projection.Projection;
import dev.lightspeed.server.rpc.MethodTable;
import dev.lightspeed.server.rpc.RpcException;
import dev.lightspeed.server.session.SessionConfigs;
import dev.lightspeed.server.session.SessionMethods;
import dev.lightspeed.server.session.Sessions;
import dev.lightspeed.store.SessionId;
import dev.lightspeed.store.profile.Profile;
import dev.lightspeed.store.profile.ProfileConflictException;
import dev.lightspeed.store.profile.ProfileExistsException;
import dev.lightspeed.store.profile.ProfileId;
import dev.lightspeed.store.profile.ProfileNotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code profiles/create|read|list|put|delete} and {@code session/profiles/apply}.
 *
 * <p>Applying a profile to a session: each top-level section of the profile's {@code config} replaces the
 * session's section of that name, and the sections it leaves out stay as they are (so the session keeps its
 * model when the profile names none); the tool set is re-derived from the result. The profile's
 * instructions replace the {@value Profiles#INSTRUCTIONS_KEY} context entry, or remove it when the profile
 * has none. A change needs the session open and idle; an apply that changes nothing succeeds either way.
 * {@code expectedConfigRevision} and {@code expectedToolsRevision}, when given, must be the session's current
 * revisions. The config is replaced first, guarded by the revision it was merged against, then the
 * instructions: a run started in between can see the new config with the old instructions.
 */
public final class ProfileMethods {
  private final Profiles profiles;
  private final Sessions sessions;
  private final SessionMethods sessionMethods;

  public ProfileMethods(Profiles profiles, Sessions sessions, SessionMethods sessionMethods) {
    this.profiles = Objects.requireNonNull(profiles, "profiles");
    this.sessions = Objects.requireNonNull(sessions, "sessions");
    this.sessionMethods = Objects.requireNonNull(sessionMethods, "sessionMethods");
  }

  public void register(MethodTable.Builder table) {
    table.on(Methods.PROFILES_CREATE, ProfileCreateParams.class, this::create)
        .on(Methods.PROFILES_READ, ProfileReadParams.class,
            p -> new ProfileReadResponse(Profiles.view(profiles.read(Profiles.id(p.profileId())))))
        .on(Methods.PROFILES_LIST, ProfileListParams.class,
            p -> new ProfileListResponse(profiles.store().list(profiles.universe()).stream().map(Profiles::summary).toList()))
        .on(Methods.PROFILES_PUT, ProfilePutParams.class, this::put)
        .on(Methods.PROFILES_DELETE, ProfileDeleteParams.class, this::delete)
        .on(Methods.PROFILES_APPLY, ProfileApplyParams.class, this::apply);
  }

  private ProfileCreateResponse create(ProfileCreateParams params) {
    ProfileId id = Profiles.id(params.profile().profileId());
    Json.Obj document = profiles.document(params.profile());
    try {
      return new ProfileCreateResponse(Profiles.view(profiles.store().create(profiles.universe(), id, document)));
    } catch (ProfileExistsException e) {
      throw RpcException.of(ErrorKind.CONFLICT, "profile \"" + id + "\" already exists; replace it with profiles/put, or create one with another id");
    }
  }

  private ProfilePutResponse put(ProfilePutParams params) {
    ProfileId id = Profiles.id(params.profile().profileId());
    Json.Obj document = profiles.document(params.profile());
    OptionalLong expected = params.expectedRevision() == null ? OptionalLong.empty() : OptionalLong.of(params.expectedRevision());
    try {
      return new ProfilePutResponse(Profiles.view(profiles.store().put(profiles.universe(), id, expected, document)));
    } catch (ProfileConflictException e) {
      throw RpcException.of(ErrorKind.CONFLICT, "profile \"" + id + "\" is at revision " + e.actualRevision() + ", not "
          + e.expectedRevision() + ": someone else changed it; read it with profiles/read and apply your change on top");
    }
  }

  private ProfileDeleteResponse delete(ProfileDeleteParams params) {
    ProfileId id = Profiles.id(params.profileId());
    try {
      Profile deleted = profiles.store().delete(profiles.universe(), id);
      return new ProfileDeleteResponse(Profiles.view(deleted));
    } catch (ProfileNotFoundException e) {
      throw Profiles.notFound(id);
    }
  }

  private ProfileApplyResponse apply(ProfileApplyParams params) {
    SessionId session = sessions.id(params.sessionId());
    Projection current = sessions.latest(session);
    ResolvedProfile profile = profiles.resolve(params.profile());
    SessionState state = current.state();
    guard(session, "config", params.expectedConfigRevision(), state.config().revision());
    guard(session, "tool set", params.expectedToolsRevision(), state.tooling().revision());

    Json.Obj config = state.config().document();
    Json.Obj next = profile.config().isEmpty() ? config
        : sessionMethods.prepareConfig(current, SessionConfigs.overlay(config, profile.config().get()));
    boolean configChanged = !next.equals(config);
    Optional<ContextItem> before = state.context().findByKey(Profiles.INSTRUCTIONS_KEY).map(ContextEntry::item);
    boolean instructionsChanged = !before.equals(profile.instructions());
    if (!configChanged && !instructionsChanged) {
      return new ProfileApplyResponse(sessionMethods.view(session, current), ProfileApplySummary.NONE);
    }

    requireOpenAndIdle(session, state);
    // One admission: the config, its tools and the instructions change together or not at all.
    List<Command> changes = new ArrayList<>();
    if (configChanged) changes.addAll(sessionMethods.configChange(next, OptionalLong.of(state.config().revision())));
    if (instructionsChanged) {
      changes.add(profile.instructions().isPresent()
          ? new Command.UpsertContext(OptionalLong.empty(), List.of(profile.instructions().get()))
          : new Command.RemoveContext(OptionalLong.empty(), List.of(Profiles.INSTRUCTIONS_KEY), List.of()));
    }
    long head = sessions.submit(session, new Command.Atomic(changes)).head();
    return new ProfileApplyResponse(sessionMethods.view(session, sessions.at(session, head)),
        new ProfileApplySummary(configChanged, instructionsChanged, false, false));
  }

  private static void guard(SessionId session, String what, Long expected, long actual) {
    if (expected != null && expected != actual) {
      throw RpcException.of(ErrorKind.CONFLICT, "the " + what + " of session \"" + session + "\" is at revision " + actual + ", not "
          + expected + "; read the session again and retry");
    }
  }

  private static void requireOpenAndIdle(SessionId session, SessionState state) {
    if (state.lifecycle() != Lifecycle.OPEN) {
      throw RpcException.rejected("session \"" + session + "\" is " + state.lifecycle().wireName()
          + "; a profile can change only an open session");
    }
    if (state.runs().busy()) {
      throw RpcException.rejected("session \"" + session + "\" has an active or queued run; a profile can change the session only "
          + "while it is idle: wait for the run to finish, or cancel it with session/runs/cancel");
    }
  }
}
