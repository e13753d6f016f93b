package dev.lightspeed.engine.scenario;

import static dev.lightspeed.engine.scenario.TestHost.READ;
import static dev.lightspeed.engine.scenario.TestHost.input;
import static dev.lightspeed.engine.scenario.TestHost.instructions;
import static dev.lightspeed.engine.scenario.TestHost.keyed;
import static dev.lightspeed.engine.scenario.TestHost.run;
import static dev.lightspeed.engine.scenario.TestHost.text;
import static dev.lightspeed.engine.scenario.TestHost.upsert;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lightspeed.engine.command.Command;
import dev.lightspeed.engine.command.Rejection;
import dev.lightspeed.engine.command.RejectionKind;
import dev.lightspeed.engine.context.ContextItem;
import dev.lightspeed.engine.context.EntryKind;
import dev.lightspeed.engine.context.EntryRole;
import dev.lightspeed.engine.core.Limits;
import dev.lightspeed.engine.json.Json;
import dev.lightspeed.engine.run.InputItem;
import dev.lightspeed.engine.tool.Parallelism;
import dev.lightspeed.engine.tool.RetrySafety;
import dev.lightspeed.engine.tool.ToolSpec;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Malformed commands are refused with the right kind and a message a user can act on, and change nothing. */
class BadInputScenarioTest {

  private TestHost host;
  private int mark;

  @BeforeEach
  void openSession() {
    host = TestHost.open();
    mark = host.mark();
  }

  @AfterEach
  void nothingWasAppended() {
    host.runUntilQuiet();
    assertThat(host.kindsSince(mark)).isEmpty();
  }

  private static Rejection invalid(String message) {
    return new Rejection(RejectionKind.INVALID_REQUEST, message);
  }

  private static Command.RequestRun runWith(List<InputItem> input) {
    return new Command.RequestRun("s1", input, Json.Obj.EMPTY);
  }

  @Test
  void submissionIdsMustBeShortAndPlain() {
    String expectation = " (expected 1-128 of [A-Za-z0-9._:-])";
    assertThat(host.reject(run("", "hi"))).isEqualTo(invalid("invalid submission id \"\"" + expectation));
    assertThat(host.reject(run("has space", "hi"))).isEqualTo(invalid("invalid submission id \"has space\"" + expectation));
    assertThat(host.reject(run("tab\there", "hi"))).isEqualTo(invalid("invalid submission id \"tab\\u0009here\"" + expectation));
    String tooLong = "a".repeat(Limits.MAX_SUBMISSION_ID_LENGTH + 1);
    assertThat(host.reject(run(tooLong, "hi"))).isEqualTo(invalid("invalid submission id \"" + "a".repeat(80) + "...\"" + expectation));
    assertThat(host.reject(run("caf\u00e9", "hi")).kind()).isEqualTo(RejectionKind.INVALID_REQUEST);
  }

  @Test
  void theLongestPlainSubmissionIdIsAccepted() {
    String longest = "a.b_c:d-" + "9".repeat(Limits.MAX_SUBMISSION_ID_LENGTH - 8);
    assertThat(host.admit(run(longest, "hi")).run()).isEqualTo(1);
    host.runUntilQuiet();
    mark = host.mark();
  }

  @Test
  void runInputMustBeNonEmptyAndBounded() {
    assertThat(host.reject(runWith(List.of()))).isEqualTo(invalid("run input is empty"));
    List<InputItem> tooMany = Collections.nCopies(Limits.MAX_INPUT_ITEMS + 1, input("x"));
    assertThat(host.reject(runWith(tooMany))).isEqualTo(invalid("run input has 65 items; at most 64 are allowed"));
    InputItem longPreview = InputItem.text(text("long"), 5_000, "p".repeat(Limits.MAX_PREVIEW_LENGTH + 1));
    assertThat(host.reject(runWith(List.of(longPreview)))).isEqualTo(invalid("run input has a preview longer than 1000 characters"));
    InputItem noMediaType = new InputItem(text("x"), " ", 1, "x");
    assertThat(host.reject(runWith(List.of(noMediaType)))).isEqualTo(invalid("run input has an item without a media type"));
  }

  @Test
  void inputAtTheLimitsIsAccepted() {
    List<InputItem> most = IntStream.range(0, Limits.MAX_INPUT_ITEMS).mapToObj(i -> input("item " + i)).toList();
    assertThat(host.admit(runWith(most)).events()).hasSize(1);
    InputItem longest = InputItem.text(text("long"), 5_000, "p".repeat(Limits.MAX_PREVIEW_LENGTH));
    assertThat(host.admit(new Command.RequestRun("s2", List.of(longest), Json.Obj.EMPTY)).events()).hasSize(1);
    host.runUntilQuiet();
    mark = host.mark();
  }

  @Test
  void steeringInputFollowsTheSameRules() {
    assertThat(host.reject(new Command.SteerRun(0, Collections.nCopies(65, input("x")))))
        .isEqualTo(invalid("steering input has 65 items; at most 64 are allowed"));
  }

  @Test
  void anInvalidRunConfigIsAnInvalidRequestNamingThePath() {
    assertThat(host.reject(run("s1", "hi", "{\"model\":{}}"))).isEqualTo(invalid("run config has unknown field \"model\""));
    assertThat(host.reject(run("s1", "hi", "{\"limits\":{\"maxToolRounds\":-2}}")))
        .isEqualTo(invalid("run config.limits.maxToolRounds must be an integer between 0 and 4294967295"));
    assertThat(host.reject(run("s1", "hi", "{\"limits\":{\"maxTurns\":1.5}}")))
        .isEqualTo(invalid("run config.limits.maxTurns must be an integer between 0 and 4294967295"));
    assertThat(host.reject(run("s1", "hi", "{\"generation\":{\"parallelToolUse\":\"yes\"}}")))
        .isEqualTo(invalid("run config.generation.parallelToolUse must be a boolean"));
    assertThat(host.reject(run("s1", "hi", "{\"limits\":5}"))).isEqualTo(invalid("invalid run config: field \"limits\" must be an object"));
  }

  @Test
  void contextKeysMustBeNonEmptyBoundedPrintableAndUnique() {
    assertThat(host.reject(upsert(instructions("", "x")))).isEqualTo(invalid("key must be 1-256 characters, got 0"));
    assertThat(host.reject(upsert(instructions("k".repeat(Limits.MAX_KEY_LENGTH + 1), "x")))).isEqualTo(invalid("key must be 1-256 characters, got 257"));
    assertThat(host.reject(upsert(instructions("a\u0007b", "x")))).isEqualTo(invalid("key \"a\\u0007b\" contains a control character"));
    assertThat(host.reject(upsert(instructions("dup", "x"), instructions("dup", "y")))).isEqualTo(invalid("key \"dup\" appears twice"));
    assertThat(host.reject(upsert(ContextItem.message(EntryRole.USER, text("x"), "x", 1)))).isEqualTo(invalid("every context item needs a key"));
    assertThat(host.reject(new Command.RemoveContext(OptionalLong.empty(), List.of("bad\nkey"), List.of())))
        .isEqualTo(invalid("key \"bad\\u000akey\" contains a control character"));
  }

  @Test
  void contextEditsAreBoundedInSize() {
    assertThat(host.reject(upsert())).isEqualTo(invalid("no context items given"));
    ContextItem[] tooMany = IntStream.rangeClosed(0, Limits.MAX_CONTEXT_ITEMS_PER_EDIT).mapToObj(i -> instructions("k" + i, "x")).toArray(ContextItem[]::new);
    assertThat(host.reject(upsert(tooMany))).isEqualTo(invalid("at most 256 context items per edit, got 257"));
    ContextItem longPreview = new ContextItem("k", EntryKind.MESSAGE, EntryRole.NONE, text("x"), "text/plain", null, "p".repeat(1_001), 1, null, false);
    assertThat(host.reject(upsert(longPreview))).isEqualTo(invalid("the preview of \"k\" is longer than 1000 characters"));
    List<String> keys = IntStream.rangeClosed(0, Limits.MAX_CONTEXT_ITEMS_PER_EDIT).mapToObj(i -> "k" + i).toList();
    assertThat(host.reject(new Command.RemoveContext(OptionalLong.empty(), keys, List.of())))
        .isEqualTo(invalid("at most 256 entries can be removed at once"));
    assertThat(host.reject(upsert(keyed("ok", EntryKind.MESSAGE, "x"), instructions("", "y"))).kind()).isEqualTo(RejectionKind.INVALID_REQUEST);
  }

  @Test
  void cancellingOrSteeringAnUnknownRunIsNotFound() {
    assertThat(host.reject(new Command.CancelRun(7))).isEqualTo(new Rejection(RejectionKind.NOT_FOUND, "there is no run 7"));
    assertThat(host.reject(new Command.ForceCancelRun(0))).isEqualTo(new Rejection(RejectionKind.NOT_FOUND, "there is no active run to cancel"));
    assertThat(host.reject(new Command.SteerRun(7, List.of(input("x"))))).isEqualTo(new Rejection(RejectionKind.NOT_FOUND, "there is no run 7"));
  }

  @Test
  void toolSetChangesMustNameEachToolOnce() {
    assertThat(host.reject(new Command.ReplaceTools(List.of(READ, READ)))).isEqualTo(invalid("tool \"read\" appears twice"));
    assertThat(host.reject(new Command.PatchTools(List.of(), List.of()))).isEqualTo(invalid("the tool patch is empty"));
    assertThat(host.reject(new Command.PatchTools(List.of(), List.of("bad name")))).isEqualTo(invalid("invalid tool name: \"bad name\""));
    List<ToolSpec> tooMany = IntStream.rangeClosed(0, Limits.MAX_TOOLS)
        .mapToObj(i -> new ToolSpec("t" + i, text("t"), Parallelism.PARALLEL_SAFE, RetrySafety.RETRY_SAFE)).toList();
    assertThat(host.reject(new Command.ReplaceTools(tooMany))).isEqualTo(invalid("at most 512 tools, got 513"));
  }

  @Test
  void theToolSetCannotChangeWhileATurnIsOpen() {
    host.admit(run("s1", "go"));
    host.runUntilQuiet();
    mark = host.mark();
    Rejection busy = new Rejection(RejectionKind.REJECTED, "the tool set can change only between turns");
    assertThat(host.reject(new Command.ReplaceTools(List.of(READ)))).isEqualTo(busy);
    assertThat(host.reject(new Command.PatchTools(List.of(), List.of("read")))).isEqualTo(busy);
  }

  @Test
  void anOversizedConfigDocumentIsRejected() {
    Json.Obj huge = Json.Obj.builder().put("features", Json.Obj.builder().put("blob", "x".repeat(Limits.MAX_CONFIG_BYTES)).build()).build();
    assertThat(host.reject(new Command.ReplaceConfig(OptionalLong.empty(), huge))).isEqualTo(invalid("the config document is larger than 65536 bytes"));
  }

  @Test
  void replacingTheToolSetWithTheSameToolsAppendsNothing() {
    assertThat(host.admit(new Command.ReplaceTools(List.of(TestHost.WRITE, TestHost.FETCH, READ))).events()).isEmpty();
  }
}
