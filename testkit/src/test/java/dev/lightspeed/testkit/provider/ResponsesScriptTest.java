package dev.lightspeed.testkit.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeed.engine.json.CanonicalJson;
import dev.lightspeed.engine.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResponsesScriptTest {

  @Test
  void aTextStreamHasTheEventSequenceOfTheRecording() {
    FakeResponse response = ResponsesScript.create().text("2", "+", "2", " =", " ", "4").streaming();

    assertThat(types(response)).isEqualTo(types(SseParser.fixture("openai-responses/text-stream.sse")));
  }

  @Test
  void reasoningThenAFunctionCallHasTheShapeOfTheRecording() {
    FakeResponse response = ResponsesScript.create()
        .reasoning("gAAAAB-encrypted")
        .functionCall("call_1", "final_result", "{\"result\":6666}")
        .streaming();

    assertThat(shape(SseParser.parse(response.body())))
        .isEqualTo(shape(SseParser.fixture("openai-responses/reasoning-function-call-stream.sse")))
        .isEqualTo(shape(SseParser.fixture("openai-responses/store-false-reasoning-function-call.turn1.sse")));
  }

  @Test
  void aCompactionItemAfterTheMessageHasTheShapeOfTheRecording() {
    FakeResponse response = ResponsesScript.create().text("Deep", " in").compaction("gAAAAB-compacted").streaming();

    assertThat(shape(SseParser.parse(response.body())))
        .isEqualTo(shape(SseParser.fixture("openai-responses/compact-server-side.stream-with-compaction-item.sse")));
  }

  @Test
  void everyEventIsJsonNamedByItsTypeAndNumberedFromZero() {
    FakeResponse response = ResponsesScript.create()
        .reasoning("enc", "first part", "second part")
        .text("Hi", "!")
        .functionCall("call_1", "get_weather", "{\"city\":\"Paris\",\"unit\":\"c\"}")
        .compaction("cmp-enc")
        .streaming();

    List<SseParser.Event> events = SseParser.parse(response.body());
    assertThat(response.isSse()).isTrue();
    assertThat(response.events()).hasSize(events.size());
    for (int i = 0; i < events.size(); i++) {
      Json.Obj data = events.get(i).json();
      assertThat(data.string("type")).isEqualTo(events.get(i).name());
      assertThat(data.number("sequence_number")).isEqualTo(i);
      assertThat(List.copyOf(data.members().keySet()).get(0)).isEqualTo("type");
    }
    assertThat(response.bodyText()).doesNotContain("[DONE]");
  }

  @Test
  void functionCallArgumentsStreamInFragmentsThatAddUp() {
    String arguments = "{\"city\":\"Paris\",\"unit\":\"c\"}";
    FakeResponse response = ResponsesScript.create().functionCall("call_1", "get_weather", arguments).streaming();

    List<SseParser.Event> events = SseParser.parse(response.body());
    StringBuilder joined = new StringBuilder();
    int deltas = 0;
    for (SseParser.Event event : events) {
      if (event.name().equals("response.function_call_arguments.delta")) {
        joined.append(event.json().string("delta"));
        deltas++;
      }
    }
    assertThat(deltas).isEqualTo(4);
    assertThat(joined.toString()).isEqualTo(arguments);
    Json.Obj added = find(events, "response.output_item.added").object("item");
    assertThat(WireJson.write(added)).isEqualTo(
        "{\"id\":\"fc_fake_0\",\"type\":\"function_call\",\"status\":\"in_progress\",\"arguments\":\"\","
            + "\"call_id\":\"call_1\",\"name\":\"get_weather\"}");
    assertThat(find(events, "response.function_call_arguments.done").string("arguments")).isEqualTo(arguments);
  }

  @Test
  void reasoningSummariesStreamPartByPart() {
    FakeResponse response = ResponsesScript.create().reasoning("enc", "Thinking about it.", "Done.").streaming();

    List<SseParser.Event> events = SseParser.parse(response.body());
    assertThat(events).extracting(SseParser.Event::name).containsExactly(
        "response.created",
        "response.in_progress",
        "response.output_item.added",
        "response.reasoning_summary_part.added",
        "response.reasoning_summary_text.delta",
        "response.reasoning_summary_text.done",
        "response.reasoning_summary_part.done",
        "response.reasoning_summary_part.added",
        "response.reasoning_summary_text.delta",
        "response.reasoning_summary_text.done",
        "response.reasoning_summary_part.done",
        "response.output_item.done",
        "response.completed");
    assertThat(events.get(4).data()).isEqualTo(
        "{\"type\":\"response.reasoning_summary_text.delta\",\"delta\":\"Thinking about it.\","
            + "\"item_id\":\"rs_fake_0\",\"output_index\":0,\"sequence_number\":4,\"summary_index\":0}");
    assertThat(WireJson.write(events.get(11).json().object("item"))).isEqualTo(
        "{\"id\":\"rs_fake_0\",\"type\":\"reasoning\",\"encrypted_content\":\"enc\",\"summary\":["
            + "{\"type\":\"summary_text\",\"text\":\"Thinking about it.\"},{\"type\":\"summary_text\",\"text\":\"Done.\"}]}");
  }

  @Test
  void theCompletedEventCarriesTheWholeResponseWithUsage() {
    FakeResponse response = ResponsesScript.create()
        .id("resp_42")
        .model("gpt-5")
        .text("Hello")
        .usage(100, 64, 20, 8)
        .streaming();

    List<SseParser.Event> events = SseParser.parse(response.body());
    Json.Obj created = events.get(0).json().object("response");
    Json.Obj completed = events.get(events.size() - 1).json().object("response");
    assertThat(created.string("status")).isEqualTo("in_progress");
    assertThat(created.array("output")).isEmpty();
    assertThat(created.find("usage")).isEmpty();
    assertThat(completed.string("id")).isEqualTo("resp_42");
    assertThat(completed.string("model")).isEqualTo("gpt-5");
    assertThat(completed.string("status")).isEqualTo("completed");
    assertThat(WireJson.write(completed.array("output").get(0))).isEqualTo(
        "{\"id\":\"msg_42_0\",\"type\":\"message\",\"status\":\"completed\",\"content\":[{\"type\":\"output_text\","
            + "\"annotations\":[],\"logprobs\":[],\"text\":\"Hello\"}],\"role\":\"assistant\"}");
    assertThat(WireJson.write(completed.object("usage"))).isEqualTo(
        "{\"input_tokens\":100,\"input_tokens_details\":{\"cached_tokens\":64},\"output_tokens\":20,"
            + "\"output_tokens_details\":{\"reasoning_tokens\":8},\"total_tokens\":120}");
  }

  @Test
  void theResponseObjectHasTheKeysOfTheRecordedOne() {
    Json.Obj recorded = SseParser.fixture("openai-responses/text-stream.sse").getLast().json().object("response");
    Json.Obj scripted = CanonicalJson.parseObject(ResponsesScript.create().text("x").json().bodyText());

    assertThat(scripted.members().keySet()).containsExactlyElementsOf(recorded.members().keySet());
  }

  @Test
  void jsonIsTheFinalResponseObject() {
    FakeResponse response = ResponsesScript.create()
        .reasoning(null)
        .functionCall("call_9", "lookup", "{}")
        .usage(10, 0, 5, 3)
        .json();

    Json.Obj body = CanonicalJson.parseObject(response.bodyText());
    assertThat(response.isSse()).isFalse();
    assertThat(response.findHeader("content-type")).contains("application/json");
    assertThat(body.string("object")).isEqualTo("response");
    assertThat(body.string("status")).isEqualTo("completed");
    assertThat(body.array("output")).extracting(WireJson::write).containsExactly(
        "{\"id\":\"rs_fake_0\",\"type\":\"reasoning\",\"summary\":[]}",
        "{\"id\":\"fc_fake_1\",\"type\":\"function_call\",\"status\":\"completed\",\"arguments\":\"{}\","
            + "\"call_id\":\"call_9\",\"name\":\"lookup\"}");
  }

  @Test
  void compactJsonIsTheCompactionResource() {
    FakeResponse response = ResponsesScript.create()
        .userMessage("What is 2+2?")
        .compaction("gAAAA-summary")
        .usage(156, 0, 190, 0)
        .compactJson();

    assertThat(response.bodyText()).isEqualTo(
        "{\"id\":\"resp_fake\",\"object\":\"response.compaction\",\"created_at\":1700000000,\"output\":["
            + "{\"id\":\"msg_fake_0\",\"type\":\"message\",\"status\":\"completed\",\"content\":[{\"type\":\"input_text\","
            + "\"text\":\"What is 2+2?\"}],\"role\":\"user\"},"
            + "{\"id\":\"cmp_fake_1\",\"type\":\"compaction\",\"encrypted_content\":\"gAAAA-summary\"}],"
            + "\"usage\":{\"input_tokens\":156,\"input_tokens_details\":{\"cached_tokens\":0},\"output_tokens\":190,"
            + "\"output_tokens_details\":{\"reasoning_tokens\":0},\"total_tokens\":346}}");
    Json.Obj recorded = CanonicalJson.parseObject(
        new String(Fixtures.responseBody("openai-responses/compact-standalone.step3-compact"), StandardCharsets.UTF_8));
    Json.Obj scripted = CanonicalJson.parseObject(response.bodyText());
    assertThat(scripted.members().keySet()).containsExactlyInAnyOrderElementsOf(recorded.members().keySet());
  }

  @Test
  void userMessagesOnlyRenderAsACompactionResource() {
    ResponsesScript script = ResponsesScript.create().userMessage("hi");

    assertThatThrownBy(script::streaming)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("streaming() cannot render userMessage items; only compactJson() returns them");
  }

  @Test
  void aFailedResponseEndsTheStreamWithResponseFailed() {
    FakeResponse response = ResponsesScript.create()
        .failed("context_length_exceeded", "Your input exceeds the context window of this model.")
        .streaming();

    List<SseParser.Event> events = SseParser.parse(response.body());
    assertThat(types(response)).isEqualTo(
        types(SseParser.fixture("openai-responses/errors/stream-failed-context-length-exceeded.assembled.sse")));
    Json.Obj failed = events.getLast().json().object("response");
    assertThat(failed.string("status")).isEqualTo("failed");
    assertThat(WireJson.write(failed.object("error"))).isEqualTo(
        "{\"code\":\"context_length_exceeded\",\"message\":\"Your input exceeds the context window of this model.\"}");
    assertThat(response.status()).isEqualTo(200);
  }

  @Test
  void anIncompleteResponseEndsWithResponseIncomplete() {
    FakeResponse response = ResponsesScript.create().text("Once upon").incomplete("max_output_tokens").streaming();

    List<SseParser.Event> events = SseParser.parse(response.body());
    Json.Obj last = events.getLast().json();
    assertThat(last.string("type")).isEqualTo("response.incomplete");
    assertThat(last.object("response").string("status")).isEqualTo("incomplete");
    assertThat(WireJson.write(last.object("response").object("incomplete_details")))
        .isEqualTo("{\"reason\":\"max_output_tokens\"}");
    assertThat(((Json.Obj) last.object("response").array("output").get(0)).string("status")).isEqualTo("incomplete");
  }

  @Test
  void scriptsAreImmutable() {
    ResponsesScript base = ResponsesScript.create().text("a");

    base.text("b");

    assertThat(base.json().bodyText()).isEqualTo(ResponsesScript.create().text("a").json().bodyText());
  }

  private static List<String> types(FakeResponse response) {
    return types(SseParser.parse(response.body()));
  }

  private static List<String> types(List<SseParser.Event> events) {
    return events.stream().map(SseParser.Event::type).toList();
  }

  /** Event types with the item type on output_item events, runs of equal labels merged. */
  private static List<String> shape(List<SseParser.Event> events) {
    return SseParser.collapsed(events, event -> {
      Json.Obj data = event.json();
      return data.find("item").map(item -> data.string("type") + "/" + ((Json.Obj) item).string("type"))
          .orElse(data.string("type"));
    });
  }

  private static Json.Obj find(List<SseParser.Event> events, String type) {
    List<Json.Obj> found = new ArrayList<>();
    for (SseParser.Event event : events) if (event.name().equals(type)) found.add(event.json());
    assertThat(found).hasSize(1);
    return found.get(0);
  }
}
