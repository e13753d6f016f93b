package dev.lightspeed.server.run;

import dev.lightspeed.api.Methods;
import dev.lightspeed.api.input.InputItem;
import dev.lightspeed.api.run.RunApproveParams;
import dev.lightspeed.api.run.RunApproveResponse;
import dev.lightspeed.api.run.RunCancelParams;
import dev.lightspeed.api.run.RunCancelResponse;
import dev.lightspeed.api.run.RunStartConfig;
import dev.lightspeed.api.run.RunStartParams;
import dev.lightspeed.api.run.RunStartResponse;
import dev.lightspeed.api.run.RunStartSource;
import dev.lightspeed.api.run.RunSteerParams;
import dev.lightspeed.api.run.RunSteerResponse;
import dev.lightspeed.api.run.RunView;
import dev.lightspeed.engine.command.Command;
import dev.lightspeed.engine.core.Preparation;
import dev.lightspeed.engine.event.EventCodec;
import dev.lightspeed.engine.event.RunEvent;
import dev.lightspeed.engine.json.Json;
import dev.lightspeed.engine.log.LogEntry;
import dev.lightspeed.runtime.temporal.AdmissionOutcome;
import dev.lightspeed.server.input.Inputs;
import dev.lightspeed.server.input.StoredInput;
import dev.lightspeed.server.projection.EngineJson;
import dev.lightspeed.server.projection.Projection;
import dev.lightspeed.server.rpc.MethodTable;
import dev.lightspeed.server.rpc.RpcException;
import dev.lightspeed.server.session.Sessions;
import dev.lightspeed.server.vfs.VfsCatalog;
import dev.lightspeed.store.SessionId;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * {@code session/runs/start|cancel|steer}, and {@code session/runs/approve} (ours) for tool calls that wait for
 * approval. Each returns once the workflow has durably admitted the command
 * (the run is queued or running, the cancellation or steering recorded), never after the run finishes. A
 * start with a {@code submissionId} already used for the same input returns the original run.
 */
public final class RunMethods {
  private final Sessions sessions;
  private final Inputs inputs;
  private final VfsCatalog catalog;

  public RunMethods(Sessions sessions, Inputs inputs, VfsCatalog catalog) {
    this.sessions = Objects.requireNonNull(sessions, "sessions");
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.inputs = Objects.requireNonNull(inputs, "inputs");
  }

  public void register(MethodTable.Builder table) {
    table.on(Methods.RUN_START, RunStartParams.class, this::start)
        .on(Methods.RUN_CANCEL, RunCancelParams.class, this::cancel)
        .on(Methods.RUN_STEER, RunSteerParams.class, this::steer)
        .on(Methods.RUN_APPROVE, RunApproveParams.class, this::approve);
  }

  private RunStartResponse start(RunStartParams params) {
    SessionId session = sessions.id(params.sessionId());
    Projection current = sessions.latest(session);
    if (params.notifyOnTerminal() != null) {
      throw RpcException.invalidParams("notifyOnTerminal needs a managed session, and this server has none yet; omit it");
    }
    List<StoredInput> input = switch (params.source()) {
      case RunStartSource.Input(var items) -> inputs.admitAll(sessions.universe(), "source.items", items);
      case RunStartSource.Context context -> throw RpcException.invalidParams(
          "runs over existing context keys (source.type \"context\") are not supported yet; send input items instead");
    };
    Json.Obj config = runConfig(params.config(), current);
    // The worker refreshes the file catalog before each run of a session that grants features (RunPreparer);
    // a session whose features were taken away gets no preparation, so a catalog it still holds goes here.
    if (current.state().runs().active().isEmpty() && !Preparation.grantsFeatures(current.state().config().document())) {
      catalog.refresh(sessions.universe(), current.state()).ifPresent(refresh -> sessions.submit(session, refresh));
    }
    String submission = params.submissionId() == null ? UUID.randomUUID().toString() : params.submissionId();
    AdmissionOutcome outcome = sessions.submit(session,
        new Command.RequestRun(submission, input.stream().map(StoredInput::item).toList(), config));
    return new RunStartResponse(view(session, outcome));
  }

  private RunCancelResponse cancel(RunCancelParams params) {
    SessionId session = sessions.id(params.sessionId());
    long run = runId(session, params.runId(), sessions.latest(session));
    if (sessions.latest(session).state().runs().finished().containsKey(run)) {
      return new RunCancelResponse(view(session, sessions.latest(session), run));
    }
    AdmissionOutcome outcome = sessions.submit(session, new Command.CancelRun(run));
    return new RunCancelResponse(view(session, sessions.at(session, outcome.head()), run));
  }

  private RunSteerResponse steer(RunSteerParams params) {
    SessionId session = sessions.id(params.sessionId());
    long run = runId(session, params.runId(), sessions.latest(session));
    List<StoredInput> input = inputs.admitAll(sessions.universe(), "items", params.items());
    AdmissionOutcome outcome = sessions.submit(session, new Command.SteerRun(run, input.stream().map(StoredInput::item).toList()));
    Projection after = sessions.at(session, outcome.head());
    return new RunSteerResponse(String.valueOf(steeringId(session, run, outcome.head())), view(session, after, run));
  }

  private RunApproveResponse approve(RunApproveParams params) {
    SessionId session = sessions.id(params.sessionId());
    long run = runId(session, params.runId(), sessions.latest(session));
    String note = params.note() == null ? "" : params.note().strip();
    Command decision = new Command.DecideApproval(run, params.callId(), params.approved(), note);
    if (!note.isEmpty()) {
      // What the person said reaches the model too: as steering, which it reads right after the call's result.
      List<StoredInput> said = inputs.admitAll(sessions.universe(), "note", List.of(InputItem.text(note)));
      decision = new Command.Atomic(List.of(decision, new Command.SteerRun(run, said.stream().map(StoredInput::item).toList())));
    }
    AdmissionOutcome outcome = sessions.submit(session, decision);
    return new RunApproveResponse(view(session, sessions.at(session, outcome.head()), run));
  }

  /** The run config the engine reads: generation and limits; a model other than the session's is refused. */
  private static Json.Obj runConfig(RunStartConfig config, Projection current) {
    if (config == null) return Json.Obj.EMPTY;
    if (config.model() != null) {
      Json.Obj sessionModel = current.state().config().document().findObject("model").orElse(Json.Obj.EMPTY);
      boolean same = config.model().providerId().equals(sessionModel.findString("providerId").orElse(null))
          && config.model().apiKind().equals(sessionModel.findString("apiKind").orElse(null))
          && config.model().model().equals(sessionModel.findString("model").orElse(null));
      if (!same) {
        throw RpcException.invalidParams("per-run model overrides are not supported yet; change the session's model with session/config/put");
      }
    }
    Json.Obj.Builder b = Json.Obj.builder();
    if (config.generation() != null) b.put("generation", EngineJson.fromTree(config.generation()));
    if (config.limits() != null) {
      Json.Obj.Builder limits = Json.Obj.builder();
      if (config.limits().maxTurns() != null) limits.put("maxTurns", config.limits().maxTurns());
      if (config.limits().maxToolRounds() != null) limits.put("maxToolRounds", config.limits().maxToolRounds());
      b.put("limits", limits.build());
    }
    return b.build();
  }

  private long runId(SessionId session, String raw, Projection projection) {
    long run;
    try {
      run = Long.parseLong(raw);
    } catch (NumberFormatException e) {
      run = 0;
    }
    if (run < 1 || projection.runInput(run).isEmpty()) {
      throw RpcException.notFound("session \"" + session + "\" has no run \"" + raw + "\"; run ids are listed by session/read");
    }
    return run;
  }

  /** The id of the steering the admission at {@code head} recorded, found among the entries it committed. */
  private long steeringId(SessionId session, long run, long head) {
    long from = Math.max(0, head - 8);
    List<LogEntry> recent = sessions.log().readAfter(sessions.universe(), session, from, (int) (head - from)).entries();
    for (LogEntry entry : recent.reversed()) {
      if (RunEvent.SteeringAccepted.KIND.equals(entry.event().kind())
          && EventCodec.decode(entry.event()) instanceof RunEvent.SteeringAccepted accepted && accepted.run() == run) {
        return accepted.steering();
      }
    }
    throw RpcException.internal("the steering of run " + run + " was admitted but its event was not found near seq " + head);
  }

  private RunView view(SessionId session, AdmissionOutcome outcome) {
    return view(session, sessions.at(session, outcome.head()), outcome.run());
  }

  private static RunView view(SessionId session, Projection projection, long run) {
    return RunViews.find(projection, run).orElseThrow(
        () -> RpcException.internal("run " + run + " of session \"" + session + "\" was admitted but is not in its log"));
  }
}
