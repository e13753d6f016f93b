package dev.lightspeed.engine.scenario;

import static dev.lightspeed.engine.scenario.TestHost.MODEL_CONFIG;
import static dev.lightspeed.engine.scenario.TestHost.READ;
import static dev.lightspeed.engine.scenario.TestHost.WRITE;
import static dev.lightspeed.engine.scenario.TestHost.finalText;
import static dev.lightspeed.engine.scenario.TestHost.hold;
import static dev.lightspeed.engine.scenario.TestHost.instructions;
import static dev.lightspeed.engine.scenario.TestHost.json;
import static dev.lightspeed.engine.scenario.TestHost.run;
import static dev.lightspeed.engine.scenario.TestHost.upsert;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lightspeed.engine.command.Admission;
import dev.lightspeed.engine.command.Command;
import dev.lightspeed.engine.command.Rejection;
import dev.lightspeed.engine.command.RejectionKind;
import dev.lightspeed.engine.json.Json;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** An atomic command records all of its commands' events in one append, or nothing at all. */
class AtomicCommandScenarioTest {
  private static final Json.Obj LIMITED = json("{\"model\":{\"providerId\":\"test\",\"apiKind\":\"openai:responses\",\"model\":\"m-1\"},"
      + "\"limits\":{\"maxTurns\":3}}");

  @Test
  void aConfigItsToolsAndItsInstructionsChangeTogetherInOneAppend() {
    TestHost host = TestHost.open(MODEL_CONFIG, READ);
    int mark = host.mark();
    int appends = host.appendCount();

    Admission.Admitted admitted = host.admit(new Command.Atomic(List.of(
        new Command.ReplaceConfig(OptionalLong.of(1), LIMITED),
        new Command.ReplaceTools(List.of(READ, WRITE)),
        upsert(instructions("instructions.profile", "be brief")))));
    host.runUntilQuiet();

    assertThat(admitted.events()).hasSize(3);
    assertThat(host.kindsSince(mark)).containsExactly("lifecycle.config_changed", "tools.replaced", "context.entries_applied");
    assertThat(host.appendCount()).isEqualTo(appends + 1);
    assertThat(host.state().config().document()).isEqualTo(LIMITED);
    assertThat(host.state().tooling().tools()).containsOnlyKeys("read", "write");
    assertThat(host.state().context().findByKey("instructions.profile")).isPresent();
  }

  @Test
  void whenOneCommandIsRefusedNothingIsRecordedAndTheRefusalIsTheAnswer() {
    TestHost host = TestHost.open(MODEL_CONFIG, READ);
    int mark = host.mark();

    Rejection refused = host.reject(new Command.Atomic(List.of(
        new Command.ReplaceConfig(OptionalLong.of(1), LIMITED),
        new Command.ReplaceTools(List.of(READ, WRITE)),
        new Command.ReplaceConfig(OptionalLong.of(1), MODEL_CONFIG))));

    assertThat(refused.kind()).isEqualTo(RejectionKind.CONFLICT);
    assertThat(refused.message()).contains("revision 2, not 1");
    assertThat(host.kindsSince(mark)).isEmpty();
    assertThat(host.state().config().document()).isEqualTo(MODEL_CONFIG);
    assertThat(host.state().tooling().tools()).containsOnlyKeys("read");
  }

  @Test
  void eachCommandSeesWhatTheOnesBeforeItDidAndARunRequestNamesItsRun() {
    TestHost host = TestHost.open(MODEL_CONFIG).reply(hold());
    Admission.Admitted admitted = host.admit(new Command.Atomic(List.of(
        new Command.ReplaceTools(List.of(READ)),
        run("s1", "go"))));
    assertThat(admitted.run()).isEqualTo(1);
    host.runUntilQuiet();
    assertThat(host.heldGenerations().get(0).tools()).containsExactly(READ);

    Rejection busy = host.reject(new Command.Atomic(List.of(run("s2", "next"), new Command.ReplaceConfig(OptionalLong.empty(), LIMITED))));
    assertThat(busy.kind()).isEqualTo(RejectionKind.REJECTED);
    assertThat(host.state().runs().queue()).as("the queued run was not kept either").isEmpty();
    host.answerGeneration(finalText("done"));
    host.runUntilQuiet();
  }

  @Test
  void aSessionIsOpenedWithItsToolsAndInstructionsInOneAdmission() {
    TestHost host = new TestHost();
    Admission.Admitted admitted = host.admit(new Command.Atomic(List.of(
        new Command.OpenSession(MODEL_CONFIG), new Command.ReplaceTools(List.of(READ)), upsert(instructions("instructions.default", "hi")))));
    host.runUntilQuiet();

    assertThat(admitted.events()).hasSize(3);
    assertThat(host.state().tooling().tools()).containsOnlyKeys("read");
    assertThat(host.reject(new Command.Atomic(List.of(new Command.ReplaceTools(List.of(WRITE)), new Command.OpenSession(MODEL_CONFIG)))).message())
        .as("a bundle that opens a session already open is refused whole")
        .isEqualTo("the session is already open");
  }

  @Test
  void emptyOversizedAndNestedBundlesAreInvalid() {
    TestHost host = TestHost.open(MODEL_CONFIG);
    assertThat(host.reject(new Command.Atomic(List.of())).kind()).isEqualTo(RejectionKind.INVALID_REQUEST);
    assertThat(host.reject(new Command.Atomic(Collections.nCopies(17, new Command.CompactContext()))).message())
        .isEqualTo("an atomic command bundles at most 16 commands, got 17");
    assertThat(host.reject(new Command.Atomic(List.of(new Command.Atomic(List.of(new Command.CompactContext()))))).message())
        .isEqualTo("atomic commands do not nest");
  }
}
