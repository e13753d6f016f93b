package dev.lightspeed.engine.command;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeed.engine.cas.BlobRef;
import dev.lightspeed.engine.context.ContextItem;
import dev.lightspeed.engine.context.EntryKind;
import dev.lightspeed.engine.context.EntryRole;
import dev.lightspeed.engine.json.CanonicalJson;
import dev.lightspeed.engine.json.Json;
import dev.lightspeed.engine.run.InputItem;
import dev.lightspeed.engine.tool.Parallelism;
import dev.lightspeed.engine.tool.RetrySafety;
import dev.lightspeed.engine.tool.ToolSpec;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CommandCodecTest {
  private static final Json.Obj CONFIG = CanonicalJson.parseObject(
      "{\"model\":{\"providerId\":\"p\",\"apiKind\":\"openai:responses\",\"model\":\"m\"},\"features\":{\"n\":[1.5e3,null,true]}}");
  private static final ToolSpec READ = new ToolSpec("read", ref("spec:read"), Parallelism.PARALLEL_SAFE, RetrySafety.RETRY_SAFE);
  private static final ToolSpec WRITE = new ToolSpec("write", ref("spec:write"), Parallelism.EXCLUSIVE, RetrySafety.NOT_RETRY_SAFE);

  private static BlobRef ref(String seed) {
    return BlobRef.sha256(seed.getBytes(UTF_8));
  }

  private static InputItem input(String text) {
    return InputItem.text(ref(text), text.length(), text);
  }

  private static ContextItem note(String key) {
    return new ContextItem(key, EntryKind.MESSAGE, EntryRole.DEVELOPER, ref(key), "text/markdown", "x:note", "pre", 7, "call-1", true);
  }

  static List<Command> samples() {
    return List.of(
        new Command.OpenSession(CONFIG),
        new Command.ReplaceConfig(OptionalLong.of(3), CONFIG),
        new Command.ReplaceConfig(OptionalLong.empty(), Json.Obj.EMPTY),
        new Command.UpsertContext(OptionalLong.of(0), List.of(note("a"), new ContextItem(null, EntryKind.INSTRUCTIONS, EntryRole.NONE, ref("i"),
            "text/plain", null, null, 0, null, false))),
        new Command.UpsertContext(OptionalLong.empty(), List.of()),
        new Command.ReplaceContextPrefix(OptionalLong.of(12), "note/", List.of(note("note/1"), note("note/2"))),
        new Command.RemoveContext(OptionalLong.of(4), List.of("a", "b/c"), List.of(3L, Long.MAX_VALUE)),
        new Command.RemoveContext(OptionalLong.empty(), List.of(), List.of()),
        new Command.CompactContext(),
        new Command.RequestRun("sub-1", List.of(input("hello"), new InputItem(ref("img"), "image/png", 4096, "[image]")),
            CanonicalJson.parseObject("{\"limits\":{\"maxTurns\":2}}")),
        new Command.CancelRun(0),
        new Command.CancelRun(7),
        new Command.ForceCancelRun(9),
        new Command.SteerRun(2, List.of(input("also this"))),
        new Command.DecideApproval(0, "call-1", true, ""),
        new Command.DecideApproval(3, "toolu_01", false, "use the staging bucket"),
        new Command.CloseSession(true),
        new Command.CloseSession(false),
        new Command.ReplaceTools(List.of(WRITE, READ)),
        new Command.PatchTools(List.of(READ), List.of("write", "gone")),
        new Command.Atomic(List.of(new Command.ReplaceConfig(OptionalLong.of(3), CanonicalJson.parseObject("{\"limits\":{\"maxTurns\":2}}")),
            new Command.ReplaceTools(List.of(READ)), new Command.RemoveContext(OptionalLong.empty(), List.of("instructions.profile"), List.of()))));
  }

  static Stream<Command> sampleStream() {
    return samples().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sampleStream")
  void everyVariantRoundTrips(Command command) {
    assertThat(CommandCodec.decode(CommandCodec.encode(command))).isEqualTo(command);
    String text = CanonicalJson.write(CommandCodec.encode(command));
    assertThat(CommandCodec.decode(CanonicalJson.parse(text))).isEqualTo(command);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sampleStream")
  void membersAreTheTypeAndTheRecordComponents(Command command) throws ReflectiveOperationException {
    Json.Obj json = CommandCodec.encode(command);
    assertThat(json.string("type")).isEqualTo(snakeCase(command.getClass().getSimpleName()));
    List<String> expected = new ArrayList<>(List.of("type"));
    for (RecordComponent c : command.getClass().getRecordComponents()) {
      boolean omitted = c.getAccessor().invoke(command) instanceof OptionalLong o && o.isEmpty();
      if (!omitted) expected.add(c.getName());
    }
    assertThat(json.members().keySet()).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void theSamplesCoverEveryVariant() {
    Set<Class<?>> covered = new HashSet<>();
    for (Command c : samples()) covered.add(c.getClass());
    assertThat(covered).containsExactlyInAnyOrder(Command.class.getPermittedSubclasses());
  }

  @Test
  void aRequestRunHasThisExactForm() {
    Command command = new Command.RequestRun("sub-1", List.of(input("hi")), Json.Obj.EMPTY);
    assertThat(CanonicalJson.write(CommandCodec.encode(command))).isEqualTo("{\"config\":{},\"input\":[{\"content\":\"" + ref("hi")
        + "\",\"mediaType\":\"text/plain\",\"preview\":\"hi\",\"size\":2}],\"submissionId\":\"sub-1\",\"type\":\"request_run\"}");
  }

  // ---- errors ----------------------------------------------------------------------------------------------

  private static void assertRejected(String json, String message) {
    assertThatThrownBy(() -> CommandCodec.decode(CanonicalJson.parse(json))).isInstanceOf(CommandDecodeException.class).hasMessage(message);
  }

  @Test
  void malformedCommandsAreRefusedNamingTheMember() {
    assertRejected("[]", "command: must be a JSON object");
    assertRejected("{}", "type: missing");
    assertRejected("{\"type\":7}", "type: must be a string");
    assertRejected("{\"type\":\"launch\"}", "type: unknown value \"launch\"");
    assertRejected("{\"type\":\"request_run\",\"input\":[],\"config\":{}}", "submissionId: missing");
    assertRejected("{\"type\":\"request_run\",\"submissionId\":\"s\",\"input\":{},\"config\":{}}", "input: must be an array");
    assertRejected("{\"type\":\"request_run\",\"submissionId\":\"s\",\"input\":[7],\"config\":{}}", "input[0]: must be an object");
    assertRejected("{\"type\":\"request_run\",\"submissionId\":\"s\",\"input\":[{\"content\":\"" + ref("x")
        + "\",\"mediaType\":\"text/plain\",\"preview\":\"x\"}],\"config\":{}}", "input[0]: missing field \"size\"");
    assertRejected("{\"type\":\"request_run\",\"submissionId\":\"s\",\"input\":[],\"config\":[]}", "config: must be an object");
    assertRejected("{\"type\":\"cancel_run\",\"run\":\"1\"}", "run: must be an integer");
    assertRejected("{\"type\":\"close_session\"}", "force: missing");
    assertRejected("{\"type\":\"replace_config\",\"expectedRevision\":1.5,\"config\":{}}", "expectedRevision: must be an integer");
    assertRejected("{\"type\":\"remove_context\",\"keys\":[\"a\",1],\"ids\":[]}", "keys[1]: must be a string");
    assertRejected("{\"type\":\"remove_context\",\"keys\":[],\"ids\":[1,\"2\"]}", "ids[1]: must be an integer");
    assertRejected("{\"type\":\"upsert_context\",\"items\":[{\"kind\":\"x\",\"content\":\"" + ref("x") + "\",\"mediaType\":\"t\",\"tokenEstimate\":1}]}",
        "items[0]: unknown context entry kind: \"x\"");
    assertRejected("{\"type\":\"replace_tools\",\"tools\":[{\"name\":\"bad name\",\"spec\":\"" + ref("s")
        + "\",\"parallelism\":\"exclusive\",\"retrySafety\":\"retrySafe\"}]}", "tools[0]: invalid tool name: \"bad name\" (expected 1-64 of [A-Za-z0-9_-])");
  }

  @Test
  void aNullGuardReadsAsNoGuard() {
    assertThat(CommandCodec.decode(CanonicalJson.parse("{\"type\":\"replace_config\",\"expectedRevision\":null,\"config\":{}}")))
        .isEqualTo(new Command.ReplaceConfig(OptionalLong.empty(), Json.Obj.EMPTY));
  }

  private static String snakeCase(String camel) {
    return camel.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
  }
}
