package dev.lightspeed.engine.scenario;

import static dev.lightspeed.engine.scenario.TestHost.MODEL_CONFIG;
import static dev.lightspeed.engine.scenario.TestHost.finalText;
import static dev.lightspeed.engine.scenario.TestHost.json;
import static dev.lightspeed.engine.scenario.TestHost.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lightspeed.engine.command.Admission;
import dev.lightspeed.engine.command.Command;
import dev.lightspeed.engine.command.Rejection;
import dev.lightspeed.engine.command.RejectionKind;
import dev.lightspeed.engine.drive.Action;
import dev.lightspeed.engine.event.LifecycleEvent;
import dev.lightspeed.engine.event.RunEvent;
import dev.lightspeed.engine.json.Json;
import dev.lightspeed.engine.llm.ModelRef;
import dev.lightspeed.engine.run.RunStatus;
import dev.lightspeed.engine.session.Lifecycle;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Opening, reconfiguring and closing a session, driven end to end through a {@link TestHost}. */
class SessionLifecycleScenarioTest {

  private static final Json.Obj OTHER_MODEL =
      json("{\"model\":{\"providerId\":\"test\",\"apiKind\":\"openai:responses\",\"model\":\"m-2\"},\"limits\":{\"maxTurns\":3}}");

  private static Command.ReplaceConfig replace(Json.Obj config) {
    return new Command.ReplaceConfig(OptionalLong.empty(), config);
  }

  @Test
  void openingRecordsTheConfigAtRevisionOne() {
    TestHost host = new TestHost();
    host.admit(new Command.OpenSession(MODEL_CONFIG));
    assertThat(host.runUntilQuiet()).isEqualTo(new Action.Idle(0));

    assertThat(host.kinds()).containsExactly("lifecycle.opened");
    assertThat(host.events(LifecycleEvent.Opened.class)).containsExactly(new LifecycleEvent.Opened(MODEL_CONFIG));
    assertThat(host.state().lifecycle()).isEqualTo(Lifecycle.OPEN);
    assertThat(host.state().config().revision()).isEqualTo(1);
    assertThat(host.state().config().document()).isEqualTo(MODEL_CONFIG);
    assertThat(host.state().config().settings().model()).contains(new ModelRef("test", "openai:responses", "m-1"));
  }

  @Test
  void openingTwiceIsAConflict() {
    TestHost host = TestHost.open();
    Rejection r = host.reject(new Command.OpenSession(MODEL_CONFIG));
    assertThat(r).isEqualTo(new Rejection(RejectionKind.CONFLICT, "the session is already open"));
  }

  @Test
  void commandsBeforeOpenAreRejected() {
    TestHost host = new TestHost();
    Rejection expected = new Rejection(RejectionKind.REJECTED, "the session is not open yet; open it first");
    assertThat(host.reject(run("s1", "hello"))).isEqualTo(expected);
    assertThat(host.reject(replace(MODEL_CONFIG))).isEqualTo(expected);
    assertThat(host.reject(new Command.CloseSession(false))).isEqualTo(expected);
    assertThat(host.reject(new Command.CancelRun(0))).isEqualTo(expected);
    assertThat(host.runUntilQuiet()).isEqualTo(new Action.Idle(0));
    assertThat(host.log()).isEmpty();
  }

  @Test
  void anInvalidOpeningConfigIsAnInvalidRequestNamingThePath() {
    TestHost host = new TestHost();
    assertThat(host.reject(new Command.OpenSession(json("{\"bogus\":1}"))))
        .isEqualTo(new Rejection(RejectionKind.INVALID_REQUEST, "config has unknown field \"bogus\""));
    assertThat(host.runUntilQuiet()).isEqualTo(new Action.Idle(0));
    assertThat(host.log()).isEmpty();
  }

  @Test
  void replacingTheConfigReplacesTheWholeDocumentAndBumpsTheRevision() {
    TestHost host = TestHost.open();
    int mark = host.mark();
    Admission.Admitted admitted = host.admit(new Command.ReplaceConfig(OptionalLong.of(1), OTHER_MODEL));
    host.runUntilQuiet();

    assertThat(admitted.events()).containsExactly(new LifecycleEvent.ConfigChanged(2, OTHER_MODEL));
    assertThat(host.kindsSince(mark)).containsExactly("lifecycle.config_changed");
    assertThat(host.state().config().document()).isEqualTo(OTHER_MODEL);
    assertThat(host.state().config().revision()).isEqualTo(2);
    assertThat(host.state().config().settings().limits().maxTurns()).isEqualTo(3);
    assertThat(host.state().config().settings().limits().maxToolRounds()).isEqualTo(256);
  }

  @Test
  void replacingTheConfigWithTheSameDocumentAppendsNothing() {
    TestHost host = TestHost.open();
    int mark = host.mark();
    assertThat(host.admit(replace(MODEL_CONFIG)).events()).isEmpty();
    host.runUntilQuiet();
    assertThat(host.kindsSince(mark)).isEmpty();
    assertThat(host.state().config().revision()).isEqualTo(1);
  }

  @Test
  void aStaleConfigRevisionIsAConflict() {
    TestHost host = TestHost.open();
    host.admit(replace(OTHER_MODEL));
    host.runUntilQuiet();
    Rejection r = host.reject(new Command.ReplaceConfig(OptionalLong.of(1), MODEL_CONFIG));
    assertThat(r).isEqualTo(new Rejection(RejectionKind.CONFLICT, "the config is at revision 2, not 1; read it again and retry"));
  }

  @Test
  void theConfigCannotChangeWhileARunIsActiveOrQueued() {
    TestHost host = TestHost.open();
    host.admit(run("s1", "first"));
    host.admit(run("s2", "second"));
    host.runUntilQuiet();
    assertThat(host.heldGenerations()).hasSize(1);

    assertThat(host.reject(replace(OTHER_MODEL))).isEqualTo(new Rejection(RejectionKind.REJECTED,
        "the config can change only while the session is idle; run 1 is running, 1 queued"));

    host.answerGeneration(finalText("one"));
    host.runUntilQuiet();
    assertThat(host.reject(replace(OTHER_MODEL))).isEqualTo(new Rejection(RejectionKind.REJECTED,
        "the config can change only while the session is idle; run 2 is running"));

    host.answerGeneration(finalText("two"));
    host.runUntilQuiet();
    assertThat(host.admit(replace(OTHER_MODEL)).events()).hasSize(1);
  }

  @Test
  void theApiKindIsPinnedForTheSessionsLifetime() {
    TestHost host = TestHost.open();
    Json.Obj anthropic = json("{\"model\":{\"providerId\":\"test\",\"apiKind\":\"anthropic:messages\",\"model\":\"c-1\"}}");
    assertThat(host.reject(replace(anthropic))).isEqualTo(new Rejection(RejectionKind.INVALID_REQUEST,
        "config.model.apiKind is pinned to \"openai:responses\" for the session's lifetime; start a new session to use \"anthropic:messages\""));
  }

  @Test
  void aSessionOpenedWithoutAModelMayChooseAnyApiKindLater() {
    TestHost host = TestHost.open(Json.Obj.EMPTY);
    Json.Obj anthropic = json("{\"model\":{\"providerId\":\"test\",\"apiKind\":\"anthropic:messages\",\"model\":\"c-1\"}}");
    assertThat(host.admit(replace(anthropic)).events()).containsExactly(new LifecycleEvent.ConfigChanged(2, anthropic));
  }

  @Test
  void anInvalidReplacementConfigIsAnInvalidRequestNamingThePath() {
    TestHost host = TestHost.open();
    assertThat(host.reject(replace(json("{\"model\":{\"providerId\":\"test\",\"apiKind\":\"openai:responses\",\"model\":\"m\"},\"extra\":{}}"))))
        .isEqualTo(new Rejection(RejectionKind.INVALID_REQUEST, "config has unknown field \"extra\""));
    assertThat(host.reject(replace(json("{\"limits\":{\"maxTurns\":-1}}"))))
        .isEqualTo(new Rejection(RejectionKind.INVALID_REQUEST, "config.limits.maxTurns must be an integer between 0 and 4294967295"));
    assertThat(host.reject(replace(json("{\"generation\":{\"temperature\":0.5}}"))))
        .isEqualTo(new Rejection(RejectionKind.INVALID_REQUEST, "config.generation has unknown field \"temperature\""));
    assertThat(host.reject(replace(json("{\"context\":{\"compaction\":{\"mode\":\"sometimes\"}}}"))))
        .isEqualTo(new Rejection(RejectionKind.INVALID_REQUEST,
            "config.context.compaction.mode must be disabled, providerTriggered or providerStandalone, not \"sometimes\""));
    host.runUntilQuiet();
    assertThat(host.state().config().revision()).isEqualTo(1);
  }

  @Test
  void closingAnIdleSessionRecordsANormalClose() {
    TestHost host = TestHost.open();
    int mark = host.mark();
    host.admit(new Command.CloseSession(false));
    assertThat(host.runUntilQuiet()).isEqualTo(new Action.Closed());
    assertThat(host.kindsSince(mark)).containsExactly("lifecycle.closed");
    assertThat(host.events(LifecycleEvent.Closed.class)).containsExactly(new LifecycleEvent.Closed(false));
    assertThat(host.state().lifecycle()).isEqualTo(Lifecycle.CLOSED);
  }

  @Test
  void aNormalCloseIsRejectedWhileRunsAreActiveOrQueued() {
    TestHost host = TestHost.open();
    host.admit(run("s1", "first"));
    host.admit(run("s2", "second"));
    host.runUntilQuiet();
    assertThat(host.reject(new Command.CloseSession(false))).isEqualTo(new Rejection(RejectionKind.REJECTED,
        "the session has active or queued runs; cancel them or close with force (run 1 is running, 1 queued)"));
  }

  @Test
  void aForcedCloseCancelsQueuedRunsThenTheActiveRunThenCloses() {
    TestHost host = TestHost.open();
    host.admit(run("s1", "first"));
    host.admit(run("s2", "second"));
    host.admit(run("s3", "third"));
    host.runUntilQuiet();
    int mark = host.mark();

    Admission.Admitted admitted = host.admit(new Command.CloseSession(true));
    assertThat(admitted.events()).containsExactly(new RunEvent.QueuedCancelled(2), new RunEvent.QueuedCancelled(3),
        new RunEvent.ForceCancelled(1), new LifecycleEvent.Closed(true));
    assertThat(host.runUntilQuiet()).isEqualTo(new Action.Closed());

    assertThat(host.kindsSince(mark)).containsExactly("run.queued_cancelled", "run.queued_cancelled", "run.force_cancelled", "lifecycle.closed");
    assertThat(host.state().runs().finished().values()).extracting(o -> o.status()).containsOnly(RunStatus.CANCELLED);
    assertThat(host.state().runs().finished()).containsOnlyKeys(1L, 2L, 3L);
    assertThat(host.state().runs().busy()).isFalse();
    assertThat(host.answerGeneration(finalText("too late"))).isFalse();
    assertThat(host.runUntilQuiet()).isEqualTo(new Action.Closed());
  }

  @Test
  void commandsOnAClosedSessionAreRejectedButClosingAgainIsANoOp() {
    TestHost host = TestHost.open();
    host.admit(new Command.CloseSession(false));
    host.runUntilQuiet();
    int mark = host.mark();

    Rejection closed = new Rejection(RejectionKind.REJECTED, "the session is closed");
    for (Command c : List.<Command>of(run("s1", "hi"), replace(MODEL_CONFIG), new Command.CompactContext(), new Command.CancelRun(0),
        TestHost.steer("x"), TestHost.upsert(TestHost.instructions("a", "b")), new Command.OpenSession(MODEL_CONFIG))) {
      assertThat(host.reject(c)).as("%s", c).isEqualTo(closed);
    }
    assertThat(host.admit(new Command.CloseSession(true)).events()).isEmpty();
    assertThat(host.runUntilQuiet()).isEqualTo(new Action.Closed());
    assertThat(host.kindsSince(mark)).isEmpty();
  }
}
