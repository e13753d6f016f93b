package dev.lightspeed.testkit.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeed.engine.json.CanonicalJson;
import dev.lightspeed.engine.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnthropicScriptTest {

  @Test
  void aTextStreamHasTheEventSequenceOfTheRecording() {
    FakeResponse response = AnthropicScript.create().text("2").streaming();

    assertThat(labels(SseParser.parse(response.body())))
        .isEqualTo(labels(SseParser.fixture("anthropic-messages/text-stream.sse")));
  }

  @Test
  void aToolUseStreamHasTheShapeOfTheRecording() {
    FakeResponse response = AnthropicScript.create()
        .toolUse("toolu_1", "get_weather", "{\"location\": \"San Francisco, CA\", \"units\": \"f\"}")
        .streaming();

    assertThat(shape(response)).isEqualTo(shape("anthropic-messages/tool-use-stream.turn1.sse"));
  }

  @Test
  void textThenToolUseHasTheShapeOfTheSdkFixture() {
    FakeResponse response = AnthropicScript.create()
        .text("Let me", " check.")
        .toolUse("toolu_1", "get_weather", "{\"location\":\"SF\"}")
        .streaming();

    assertThat(shape(response)).isEqualTo(shape("anthropic-messages/sdk-fixtures/tool_use_response.sse"));
  }

  @Test
  void thinkingThenTextHasTheShapeOfTheRecording() {
    FakeResponse response = AnthropicScript.create()
        .thinking("The user wants the steps for changing a tire.", "EvMCCkYICxgCKkCHP2cS")
        .text("Here are", " the steps")
        .streaming();

    assertThat(shape(response)).isEqualTo(shape("anthropic-messages/thinking-stream.sse"));
  }

  @Test
  void redactedThinkingHasTheShapeOfTheRecordingApartFromPings() {
    FakeResponse response = AnthropicScript.create()
        .redactedThinking("EqkECkYIBxgCKkA8")
        .redactedThinking("EtgBCkYIBxgCKkDQ")
        .text("I notice", " that")
        .streaming();

    assertThat(withoutPings(shape(response)))
        .isEqualTo(withoutPings(shape("anthropic-messages/redacted-thinking-stream.sse")));
  }

  @Test
  void compactionThenTextHasTheShapeOfTheRecordings() {
    assertThat(shape(AnthropicScript.create().compaction("The user said hello.").text("Hello!", " ").streaming()))
        .isEqualTo(shape("anthropic-messages/compaction-stream.sse"));
    assertThat(shape(AnthropicScript.create().compaction("Summary.", "EpwBCio").text("Hello there!").streaming()))
        .isEqualTo(shape("anthropic-messages/sdk-fixtures/compaction_response.sse"));
  }

  @Test
  void everyEventIsJsonNamedByItsType() {
    FakeResponse response = AnthropicScript.create()
        .thinking("hmm", "sig")
        .redactedThinking("opaque")
        .compaction("summary", "enc")
        .text("a", "b")
        .toolUse("toolu_1", "f", "{\"x\":[1,2,3]}")
        .streaming();

    List<SseParser.Event> events = SseParser.parse(response.body());
    assertThat(events).allSatisfy(event -> assertThat(event.json().string("type")).isEqualTo(event.name()));
    assertThat(events.getLast().name()).isEqualTo("message_stop");
    assertThat(response.bodyText()).doesNotContain("[DONE]");
  }

  @Test
  void deltasAreTheWireFormat() {
    FakeResponse response = AnthropicScript.create()
        .thinking("Thinking it over", "c2ln")
        .toolUse("toolu_1", "get_weather", "{\"location\":\"SF\"}")
        .streaming();

    assertThat(response.events()).containsSubsequence(
        "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,\"content_block\":"
            + "{\"type\":\"thinking\",\"thinking\":\"\",\"signature\":\"\"}}\n\n",
        "event: ping\ndata: {\"type\": \"ping\"}\n\n",
        "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":"
            + "{\"type\":\"thinking_delta\",\"thinking\":\"Thinking\"}}\n\n",
        "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":"
            + "{\"type\":\"thinking_delta\",\"thinking\":\" it over\"}}\n\n",
        "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":"
            + "{\"type\":\"signature_delta\",\"signature\":\"c2ln\"}}\n\n",
        "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n",
        "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":1,\"content_block\":"
            + "{\"type\":\"tool_use\",\"id\":\"toolu_1\",\"name\":\"get_weather\",\"input\":{}}}\n\n",
        "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":1,\"delta\":"
            + "{\"type\":\"input_json_delta\",\"partial_json\":\"\"}}\n\n",
        "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":1,\"delta\":"
            + "{\"type\":\"input_json_delta\",\"partial_json\":\"{\\\"locati\"}}\n\n",
        "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":1,\"delta\":"
            + "{\"type\":\"input_json_delta\",\"partial_json\":\"on\\\":\\\"SF\\\"\"}}\n\n",
        "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":1,\"delta\":"
            + "{\"type\":\"input_json_delta\",\"partial_json\":\"}\"}}\n\n");
  }

  @Test
  void usageAndStopReasonArriveInMessageStartAndMessageDelta() {
    FakeResponse response = AnthropicScript.create()
        .id("msg_1")
        .model("claude-sonnet-4-5")
        .toolUse("toolu_1", "f", "{}")
        .usage(656, 74, 1111, 418)
        .streaming();

    List<SseParser.Event> events = SseParser.parse(response.body());
    assertThat(events.get(0).data()).isEqualTo(
        "{\"type\":\"message_start\",\"message\":{\"model\":\"claude-sonnet-4-5\",\"id\":\"msg_1\",\"type\":\"message\","
            + "\"role\":\"assistant\",\"content\":[],\"stop_reason\":null,\"stop_sequence\":null,\"stop_details\":null,"
            + "\"usage\":{\"input_tokens\":656,\"cache_creation_input_tokens\":418,\"cache_read_input_tokens\":1111,"
            + "\"cache_creation\":{\"ephemeral_5m_input_tokens\":418,\"ephemeral_1h_input_tokens\":0},"
            + "\"output_tokens\":1,\"service_tier\":\"standard\"}}}");
    assertThat(events.get(events.size() - 2).data()).isEqualTo(
        "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"tool_use\",\"stop_sequence\":null,\"stop_details\":null},"
            + "\"usage\":{\"input_tokens\":656,\"cache_creation_input_tokens\":418,\"cache_read_input_tokens\":1111,"
            + "\"output_tokens\":74}}");
  }

  @Test
  void aStreamErrorFollowsTheBlocksAfterAnHttp200() {
    FakeResponse response = AnthropicScript.create().text("Hel").streamError("overloaded_error", "Overloaded").streaming();

    List<SseParser.Event> events = SseParser.parse(response.body());
    assertThat(response.status()).isEqualTo(200);
    assertThat(labels(events)).containsExactly(
        "message_start", "content_block_start/text", "ping", "content_block_delta/text_delta", "content_block_stop", "error");
    List<SseParser.Event> recorded = SseParser.fixture("anthropic-messages/errors/stream-error-overloaded.event.sse");
    assertThat(events.getLast().json()).isEqualTo(recorded.getLast().json());
    assertThatThrownBy(() -> AnthropicScript.create().streamError("overloaded_error", "Overloaded").json())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("a stream error has no JSON form; use AnthropicErrors for an HTTP error");
  }

  @Test
  void jsonIsTheMessageWithEveryBlock() {
    FakeResponse response = AnthropicScript.create()
        .thinking("Let me look up the country.", "EqEECkYI")
        .text("I'll check.")
        .toolUse("toolu_01", "get_user_country", "{\"verbose\": true}")
        .usage(398, 155, 0, 0)
        .json();

    Json.Obj body = CanonicalJson.parseObject(response.bodyText());
    Json.Obj recorded = CanonicalJson.parseObject(
        new String(Fixtures.responseBody("anthropic-messages/thinking-tool-use.turn1"), StandardCharsets.UTF_8));
    assertThat(body.members().keySet()).containsAll(recorded.members().keySet());
    assertThat(body.string("stop_reason")).isEqualTo("tool_use");
    assertThat(body.array("content")).extracting(WireJson::write).containsExactly(
        "{\"type\":\"thinking\",\"thinking\":\"Let me look up the country.\",\"signature\":\"EqEECkYI\"}",
        "{\"type\":\"text\",\"text\":\"I'll check.\"}",
        "{\"type\":\"tool_use\",\"id\":\"toolu_01\",\"name\":\"get_user_country\",\"input\":{\"verbose\":true}}");
  }

  @Test
  void jsonWithCompactionHasTheKeysOfTheRecording() {
    FakeResponse response = AnthropicScript.create().compaction("Summary.").text("Hello!").json();

    Json.Obj body = CanonicalJson.parseObject(response.bodyText());
    Json.Obj recorded = CanonicalJson.parseObject(
        new String(Fixtures.responseBody("anthropic-messages/compaction.turn1"), StandardCharsets.UTF_8));
    assertThat(body.members().keySet()).containsExactlyInAnyOrderElementsOf(recorded.members().keySet());
    assertThat(WireJson.write(body.array("content").get(0))).isEqualTo("{\"type\":\"compaction\",\"content\":\"Summary.\"}");
    assertThat(body.string("stop_reason")).isEqualTo("end_turn");
  }

  @Test
  void aProviderRunMcpCallStreamsItsInputAndItsResultArrivesWholeWithoutMakingItAToolUseTurn() {
    FakeResponse response = AnthropicScript.create()
        .mcpToolUse("mcptoolu_1", "docs", "search", "{\"q\":\"foxes\"}")
        .mcpToolResult("mcptoolu_1", false, "Foxes are quick.")
        .text("Quick.")
        .streaming();

    List<SseParser.Event> events = SseParser.parse(response.body());
    assertThat(labels(events)).containsExactly("message_start", "content_block_start/mcp_tool_use", "ping",
        "content_block_delta/input_json_delta", "content_block_delta/input_json_delta", "content_block_delta/input_json_delta",
        "content_block_stop", "content_block_start/mcp_tool_result", "content_block_stop", "content_block_start/text",
        "content_block_delta/text_delta", "content_block_stop", "message_delta", "message_stop");
    assertThat(WireJson.write(events.get(1).json().object("content_block")))
        .isEqualTo("{\"type\":\"mcp_tool_use\",\"id\":\"mcptoolu_1\",\"name\":\"search\",\"server_name\":\"docs\",\"input\":{}}");
    assertThat(WireJson.write(events.get(7).json().object("content_block"))).isEqualTo("{\"type\":\"mcp_tool_result\","
        + "\"tool_use_id\":\"mcptoolu_1\",\"is_error\":false,\"content\":[{\"type\":\"text\",\"text\":\"Foxes are quick.\"}]}");
    Json.Obj body = CanonicalJson.parseObject(AnthropicScript.create()
        .mcpToolUse("mcptoolu_1", "docs", "search", "{\"q\":\"foxes\"}").mcpToolResult("mcptoolu_1", true, "down").json().bodyText());
    assertThat(body.array("content")).extracting(WireJson::write).containsExactly(
        "{\"type\":\"mcp_tool_use\",\"id\":\"mcptoolu_1\",\"name\":\"search\",\"server_name\":\"docs\",\"input\":{\"q\":\"foxes\"}}",
        "{\"type\":\"mcp_tool_result\",\"tool_use_id\":\"mcptoolu_1\",\"is_error\":true,\"content\":[{\"type\":\"text\",\"text\":\"down\"}]}");
    assertThat(body.string("stop_reason")).isEqualTo("end_turn");
  }

  @Test
  void toolInputMustBeAJsonObject() {
    assertThatThrownBy(() -> AnthropicScript.create().toolUse("t", "f", "[1]"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tool input must be a JSON object: [1]");
    assertThatThrownBy(() -> AnthropicScript.create().toolUse("t", "f", "{"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tool input is not JSON: {");
  }

  private static List<String> shape(FakeResponse response) {
    return SseParser.collapsed(SseParser.parse(response.body()), AnthropicScriptTest::label);
  }

  private static List<String> shape(String fixture) {
    return SseParser.collapsed(SseParser.fixture(fixture), AnthropicScriptTest::label);
  }

  private static List<String> labels(List<SseParser.Event> events) {
    return events.stream().map(AnthropicScriptTest::label).toList();
  }

  private static List<String> withoutPings(List<String> labels) {
    return SseParser.collapse(labels.stream().filter(label -> !label.equals("ping")).toList());
  }

  /** The event type, with the block type on starts and the delta type on deltas. */
  private static String label(SseParser.Event event) {
    Json.Obj data = event.json();
    String type = data.string("type");
    return switch (type) {
      case "content_block_start" -> type + "/" + data.object("content_block").string("type");
      case "content_block_delta" -> type + "/" + data.object("delta").string("type");
      default -> type;
    };
  }
}
