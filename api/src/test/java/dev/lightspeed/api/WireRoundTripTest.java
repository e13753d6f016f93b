package dev.lightspeed.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lightspeed.api.context.ContextEntryKindView;
import dev.lightspeed.api.context.ContextEntryView;
import dev.lightspeed.api.input.InputItem;
import dev.lightspeed.api.input.MediaKind;
import dev.lightspeed.api.rpc.Outcome;
import dev.lightspeed.api.run.RunStartParams;
import dev.lightspeed.api.run.RunStartSource;
import dev.lightspeed.api.profile.InlineAgentProfile;
import dev.lightspeed.api.profile.ProfileInstructions;
import dev.lightspeed.api.profile.ProfileSource;
import dev.lightspeed.api.session.SessionStartParams;
import dev.lightspeed.api.session.SessionView;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What one side writes the other reads back unchanged, and the unions use their contract tags. */
class WireRoundTripTest {
  static List<Samples.MethodSample> methods() {
    return Samples.methods();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("methods")
  void paramsSurviveTheWire(Samples.MethodSample sample) {
    Class<?> type = MethodTypes.of(sample.method()).orElseThrow().params();
    for (Object params : List.of(sample.params(), sample.minimalParams())) {
      JsonNode wire = ApiJson.toTree(params);
      assertThat(ApiJson.readParams(sample.method(), wire, type)).isEqualTo(params);
      assertThat((Object) ApiJson.readParams(wire, type)).isEqualTo(params);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("methods")
  void resultsSurviveTheWire(Samples.MethodSample sample) {
    Class<?> type = MethodTypes.of(sample.method()).orElseThrow().result();
    JsonNode wire = ApiJson.toTree(Outcome.of(sample.result()));
    assertThat(wire.has("notifications")).isFalse();
    Outcome<?> read = ApiJson.readOutcome(wire, type);
    assertThat(read.result()).isEqualTo(sample.result());
    assertThat(read.notifications()).isNull();
  }

  @Test
  void inputItemsAreTaggedByType() {
    assertThat(ApiJson.toJson(InputItem.text("hi"))).isEqualTo("{\"type\":\"text\",\"text\":\"hi\"}");
    assertThat(ApiJson.toJson(new InputItem.TextRef("blob:1"))).isEqualTo("{\"type\":\"textRef\",\"blobRef\":\"blob:1\"}");
    assertThat(ApiJson.toJson(new InputItem.Media("blob:2", "image/png", MediaKind.IMAGE, "a.png")))
        .isEqualTo("{\"type\":\"media\",\"blobRef\":\"blob:2\",\"mime\":\"image/png\",\"kind\":\"image\",\"name\":\"a.png\"}");
    assertThat(ApiJson.toJson(new InputItem.Media("blob:2", "audio/wav", MediaKind.AUDIO, null)))
        .isEqualTo("{\"type\":\"media\",\"blobRef\":\"blob:2\",\"mime\":\"audio/wav\",\"kind\":\"audio\"}");
  }

  @Test
  void inputItemsReadBackAsTheirVariant() throws Exception {
    List<InputItem> items = Samples.inputItems();
    // An array, not the list: a bare List's element type is erased at run time and Jackson would drop the tags.
    String json = ApiJson.toJson(items.toArray(new InputItem[0]));
    InputItem[] read = ApiJson.mapper().readValue(json, InputItem[].class);
    assertThat(read).containsExactlyElementsOf(items);
    assertThat(read[0]).isInstanceOf(InputItem.Text.class);
    assertThat(read[1]).isInstanceOf(InputItem.TextRef.class);
    assertThat(read[2]).isInstanceOf(InputItem.Media.class);
    assertThat(ApiJson.mapper().readValue("{\"kind\":\"document\",\"mime\":\"application/pdf\",\"type\":\"media\","
        + "\"blobRef\":\"b\"}", InputItem.class))
        .isEqualTo(new InputItem.Media("b", "application/pdf", MediaKind.DOCUMENT, null));
  }

  @Test
  void runStartSourcesAreTaggedByType() throws Exception {
    RunStartSource input = RunStartSource.input(InputItem.text("go"), new InputItem.TextRef("blob:1"));
    RunStartSource context = RunStartSource.context("notes.todo", "notes.plan");
    assertThat(ApiJson.toJson(input)).isEqualTo(
        "{\"type\":\"input\",\"items\":[{\"type\":\"text\",\"text\":\"go\"},{\"type\":\"textRef\",\"blobRef\":\"blob:1\"}]}");
    assertThat(ApiJson.toJson(context)).isEqualTo("{\"type\":\"context\",\"keys\":[\"notes.todo\",\"notes.plan\"]}");
    assertThat(ApiJson.mapper().readValue(ApiJson.toJson(input), RunStartSource.class)).isEqualTo(input);
    assertThat(ApiJson.mapper().readValue(ApiJson.toJson(context), RunStartSource.class)).isEqualTo(context);

    RunStartParams params = ApiJson.readParams(Samples.json(
        "{\"sessionId\":\"s\",\"source\":{\"keys\":[\"k\"],\"type\":\"context\"}}"), RunStartParams.class);
    assertThat(params).isEqualTo(RunStartParams.of("s", RunStartSource.context("k")));
  }

  @Test
  void profileSourcesAreTaggedByKind() {
    SessionStartParams params = ApiJson.readParams(
        Samples.json("{\"profile\":{\"kind\":\"named\",\"profileId\":\"coder\"}}"), SessionStartParams.class);
    assertThat(params.profile()).isEqualTo(new ProfileSource.Named("coder"));
    assertThat(ApiJson.toJson(new ProfileSource.Inline(new InlineAgentProfile("x", null, null, null, null))))
        .isEqualTo("{\"kind\":\"inline\",\"profile\":{\"displayName\":\"x\"}}");
    SessionStartParams inline = ApiJson.readParams(Samples.json(
        "{\"profile\":{\"kind\":\"inline\",\"profile\":{\"instructions\":{\"type\":\"text\",\"text\":\"Be terse.\"}}}}"),
        SessionStartParams.class);
    assertThat(inline.profile()).isEqualTo(new ProfileSource.Inline(
        new InlineAgentProfile(null, null, null, new ProfileInstructions.Text("Be terse."), null)));
  }

  @Test
  void contextEntryKindsAreTaggedByType() throws Exception {
    assertThat(ApiJson.toJson(new ContextEntryKindView.Instructions())).isEqualTo("{\"type\":\"instructions\"}");
    assertThat(ApiJson.toJson(new ContextEntryKindView.ToolResult("c", true)))
        .isEqualTo("{\"type\":\"toolResult\",\"callId\":\"c\",\"isError\":true}");
    for (ContextEntryView entry : Samples.entryOfEveryKind()) {
      assertThat(ApiJson.mapper().readValue(ApiJson.toJson(entry), ContextEntryView.class)).isEqualTo(entry);
    }
  }

  @Test
  void absentOptionalMembersAreOmittedAndRequiredOnesAlwaysWritten() {
    String json = ApiJson.toJson(Samples.minimalSession());
    assertThat(json).doesNotContain("displayName", "config\"", "activeEnvironmentId", "management", "\n", "null");
    assertThat(json).contains("\"managed\":false", "\"configRevision\":0", "\"activeContext\":{\"revision\":0");
    assertThat(json).contains("\"activeTools\":{\"revision\":0,\"tools\":[]}", "\"runs\":[]");
  }

  @Test
  void clientsTolerateUnknownResultMembers() throws Exception {
    JsonNode wire = ApiJson.toTree(Samples.minimalSession());
    ((com.fasterxml.jackson.databind.node.ObjectNode) wire).put("addedLater", 1);
    assertThat(ApiJson.mapper().treeToValue(wire, SessionView.class)).isEqualTo(Samples.minimalSession());
  }
}
