package dev.lightspeed.cli.tui;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lightspeed.api.context.ContextCompactParams;
import dev.lightspeed.api.context.ContextCompactResponse;
import dev.lightspeed.api.context.ContextEntryKindView;
import dev.lightspeed.api.context.ContextEntryView;
import dev.lightspeed.api.context.ContextMessageRoleView;
import dev.lightspeed.api.input.InputItem;
import dev.lightspeed.api.models.ModelListParams;
import dev.lightspeed.api.models.ModelListResponse;
import dev.lightspeed.api.models.ModelView;
import dev.lightspeed.api.run.RunCancelParams;
import dev.lightspeed.api.run.RunCancelResponse;
import dev.lightspeed.api.run.RunStartParams;
import dev.lightspeed.api.run.RunStartResponse;
import dev.lightspeed.api.run.RunStartSource;
import dev.lightspeed.api.run.RunStatus;
import dev.lightspeed.api.run.RunSteerParams;
import dev.lightspeed.api.run.RunSteerResponse;
import dev.lightspeed.api.run.RunView;
import dev.lightspeed.api.session.SessionListParams;
import dev.lightspeed.api.session.SessionListResponse;
import dev.lightspeed.api.session.SessionRenameParams;
import dev.lightspeed.api.session.SessionRenameResponse;
import dev.lightspeed.api.session.SessionSummaryView;
import dev.lightspeed.api.session.SessionView;
import dev.lightspeed.cli.chat.Approvals;
import dev.lightspeed.cli.chat.ChatSettings;
import dev.lightspeed.cli.chat.Effort;
import dev.lightspeed.cli.chat.Preview;
import dev.lightspeed.cli.chat.RunTracker;
import dev.lightspeed.cli.chat.SessionSetup;
import dev.lightspeed.cli.chat.UsageEstimate;
import dev.lightspeed.cli.gateway.ClientException;
import dev.lightspeed.cli.gateway.GatewayClient;
import dev.lightspeed.cli.gateway.SessionStream;
import dev.lightspeed.cli.mount.DirectoryMount;
import dev.lightspeed.cli.sessions.SessionTable;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Carries out what the user enters in the chat against the gateway: messages become runs (queued while one
 * is active), slash commands steer, stop, compact, change the model or switch sessions. Owns the stream of
 * the current session. Runs on the input thread; failures are shown as one line and the chat goes on.
 */
final class ChatActions implements AutoCloseable {
  private final GatewayClient gateway;
  private final SessionSetup setup;
  private final Screen screen;
  private final ChatState state;
  private final ChatSettings settings;
  private final Runnable redraw;
  private SessionStream stream;
  private boolean named;

  ChatActions(GatewayClient gateway, Screen screen, ChatState state, ChatSettings settings, Runnable redraw) {
    this.gateway = Objects.requireNonNull(gateway, "gateway");
    this.setup = new SessionSetup(gateway);
    this.screen = Objects.requireNonNull(screen, "screen");
    this.state = Objects.requireNonNull(state, "state");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.redraw = Objects.requireNonNull(redraw, "redraw");
  }

  /** Makes {@code session} the one the chat talks to and follows its stream. */
  void open(SessionView session) {
    if (stream != null) stream.close();
    state.session(session.id(), model(session), effort(session), UsageEstimate.contextTokens(session));
    named = session.displayName() != null;
    for (RunView run : session.runs()) {
      if (run.status() == RunStatus.RUNNING || run.status() == RunStatus.CANCELLING) state.started(run.id());
      if (run.status() == RunStatus.QUEUED) state.queued(run.id(), "");
    }
    stream = SessionStream.open(gateway, session.id(), new RunTracker(gateway::readText, new UpdateView(screen, state, gateway, redraw)));
    screen.note("session " + session.id() + (session.displayName() == null ? "" : " (" + session.displayName() + ")") + " · "
        + (model(session) == null ? "default model" : model(session)));
    lastExchange(session);
    for (Approvals.Waiting waiting : new Approvals(gateway).waiting(session)) screen.note("? " + waiting.question());
    redraw.run();
  }

  /** Answers the waiting call {@code callId}, or every waiting call when it is empty. */
  private void decide(boolean approve, Optional<String> callId, String reason) {
    Approvals approvals = new Approvals(gateway);
    List<Approvals.Waiting> waiting = approvals.waiting(setup.read(state.sessionId()));
    if (callId.isPresent()) waiting = waiting.stream().filter(w -> w.call().callId().equals(callId.get())).toList();
    if (waiting.isEmpty()) {
      screen.problem(callId.map(id -> "no tool call " + id + " waits for approval").orElse("no tool call waits for approval"));
      return;
    }
    for (Approvals.Waiting w : waiting) {
      approvals.decide(state.sessionId(), w, approve, reason);
      screen.note((approve ? "✓ approved " : "✗ denied ") + w.call().label());
    }
    state.activity(approve ? "running the approved call…" : "thinking…");
  }

  /** Carries out {@code input}; {@return false when the user asked to leave} */
  boolean handle(UserInput input) {
    try {
      switch (input) {
        case UserInput.Message message -> send(message.text());
        case UserInput.Steer steer -> steer(steer.text());
        case UserInput.Stop stop -> stop();
        case UserInput.Approve approve -> decide(true, approve.callId(), null);
        case UserInput.Deny deny -> decide(false, Optional.empty(), deny.reason().orElse(null));
        case UserInput.NewSession create -> open(setup.create(settings, null));
        case UserInput.ListSessions list -> listSessions();
        case UserInput.SwitchSession target -> open(setup.resume(target.id(), ChatSettings.NONE));
        case UserInput.Model model -> model(model);
        case UserInput.Effort effort -> effort(effort);
        case UserInput.Compact compact -> {
          gateway.call(new ContextCompactParams(state.sessionId()), ContextCompactResponse.class);
          screen.note("compaction requested");
        }
        case UserInput.Mount mount -> mount(mount.directory());
        case UserInput.Help help -> UserInput.HELP.forEach(screen::note);
        case UserInput.Quit quit -> {
          return false;
        }
        case UserInput.Invalid invalid -> screen.problem(invalid.problem());
        case UserInput.Blank blank -> {
          // nothing to do
        }
      }
    } catch (ClientException e) {
      screen.problem(e.line());
    } catch (IllegalArgumentException e) {
      screen.problem(e.getMessage());
    }
    redraw.run();
    return true;
  }

  /** Cancels the active run, if there is one. */
  void stop() {
    String run = state.activeRun();
    if (run == null) {
      screen.note("no run is active");
      return;
    }
    gateway.call(new RunCancelParams(state.sessionId(), run), RunCancelResponse.class);
  }

  private void send(String text) {
    String session = state.sessionId();
    RunView run = gateway.call(new RunStartParams(session, RunStartSource.input(InputItem.text(text)), null, UUID.randomUUID().toString(),
        null), RunStartResponse.class).run();
    String active = state.activeRun();
    if (run.status() == RunStatus.QUEUED && active != null && !active.equals(run.id())) {
      state.queued(run.id(), Preview.of(text, 50));
      screen.note("queued as run " + run.id() + "; it starts when run " + active + " ends");
    } else if (active == null) {
      state.started(run.id());
    }
    if (!named) {
      gateway.call(new SessionRenameParams(session, Preview.of(text, 60)), SessionRenameResponse.class);
      named = true;
    }
  }

  private void steer(String text) {
    String run = state.activeRun();
    if (run == null) {
      screen.note("no run is active to steer; send the text as a message instead");
      return;
    }
    gateway.call(new RunSteerParams(state.sessionId(), run, List.of(InputItem.text(text))), RunSteerResponse.class);
  }

  private void mount(String directory) {
    screen.note("mounting " + directory + "…");
    StringWriter log = new StringWriter();
    DirectoryMount.Mounted mounted;
    try {
      mounted = new DirectoryMount(gateway, new PrintWriter(log), false).mount(Path.of(directory));
    } finally {
      log.toString().lines().forEach(screen::note);
    }
    setup.link(setup.read(state.sessionId()), mounted.workspace().workspaceId(), SessionSetup.DEFAULT_MOUNT_PATH);
    screen.note("workspace " + mounted.workspace().workspaceId() + " is linked at " + SessionSetup.DEFAULT_MOUNT_PATH
        + ", the working directory; take changes home with: lightspeed vfs materialize " + mounted.workspace().workspaceId() + " DEST");
  }

  private void listSessions() {
    SessionListResponse page = gateway.call(new SessionListParams(null, 15L), SessionListResponse.class);
    if (page.sessions().isEmpty()) screen.note("no sessions yet");
    for (SessionSummaryView summary : page.sessions()) {
      String marker = summary.id().equals(state.sessionId()) ? "● " : "  ";
      screen.note(marker + SessionTable.row(summary));
    }
  }

  private void model(UserInput.Model input) {
    if (input.name().isPresent()) {
      SessionView changed = setup.change(setup.read(state.sessionId()), ChatSettings.ofModel(input.name().get()));
      state.model(model(changed), effort(changed));
      screen.note("model: " + describeModel(changed));
      return;
    }
    SessionView session = setup.read(state.sessionId());
    screen.note("model: " + describeModel(session) + " (/model NAME changes it)");
    ModelListResponse models = gateway.call(new ModelListParams(true), ModelListResponse.class);
    for (ModelView model : models.models()) screen.note("  " + model.model() + "  (" + model.providerId() + ", " + model.apiKind() + ")");
  }

  private void effort(UserInput.Effort input) {
    if (input.level().isEmpty()) {
      String effort = state.snapshot().effort();
      screen.note("effort: " + (effort == null ? "the model's default" : effort) + " (/effort none|low|medium|high changes it)");
      return;
    }
    SessionView changed = setup.change(setup.read(state.sessionId()), ChatSettings.ofEffort(Effort.parse(input.level().get())));
    state.model(model(changed), effort(changed));
    screen.note("effort: " + effort(changed));
  }

  /** Shows the last question and answer of a resumed session, so the user knows where it stands. */
  private void lastExchange(SessionView session) {
    ContextEntryView question = null;
    ContextEntryView answer = null;
    for (ContextEntryView entry : session.activeContext().entries()) {
      if (entry.kind() instanceof ContextEntryKindView.Message message && entry.preview() != null) {
        if (message.role() == ContextMessageRoleView.USER) question = entry;
        else answer = entry;
      }
    }
    if (question != null) screen.note("  you: " + Preview.of(question.preview(), 100));
    if (answer != null) screen.note("  lightspeed: " + Preview.of(answer.preview(), 100));
  }

  static String model(SessionView session) {
    JsonNode model = session.config().path("model").path("model");
    return model.isTextual() ? model.asText() : null;
  }

  static String effort(SessionView session) {
    JsonNode effort = session.config().path("generation").path("reasoningEffort");
    return effort.isTextual() ? effort.asText() : null;
  }

  private static String describeModel(SessionView session) {
    JsonNode model = session.config().path("model");
    return model.path("model").asText("?") + " (" + model.path("providerId").asText("?") + ", " + model.path("apiKind").asText("?") + ")";
  }

  @Override
  public void close() {
    if (stream != null) stream.close();
  }
}
