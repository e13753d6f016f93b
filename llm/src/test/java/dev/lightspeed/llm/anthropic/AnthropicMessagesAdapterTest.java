package dev.lightspeed.llm.anthropic;

import static dev.lightspeed.llm.anthropic.AnthropicTestBed.JSON;
import static dev.lightspeed.llm.anthropic.AnthropicTestBed.KEY;
import static dev.lightspeed.llm.anthropic.AnthropicTestBed.parse;
import static dev.lightspeed.llm.anthropic.AnthropicTestBed.recordedRequest;
import static dev.lightspeed.llm.anthropic.AnthropicTestBed.request;
import static dev.lightspeed.llm.anthropic.AnthropicTestBed.withoutCacheControl;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lightspeed.engine.context.ContextEntry;
import dev.lightspeed.engine.context.ContextItem;
import dev.lightspeed.engine.context.EntryKind;
import dev.lightspeed.engine.context.EntryRole;
import dev.lightspeed.engine.json.CanonicalJson;
import dev.lightspeed.engine.llm.GenerationResult;
import dev.lightspeed.engine.llm.Usage;
import dev.lightspeed.engine.session.CompactionPolicy;
import dev.lightspeed.engine.tool.ToolCall;
import dev.lightspeed.engine.tool.ToolSpec;
import dev.lightspeed.llm.json.RawJson;
import dev.lightspeed.testkit.provider.AnthropicScript;
import dev.lightspeed.testkit.provider.FakeResponse;
import dev.lightspeed.testkit.provider.Fixtures;
import dev.lightspeed.testkit.provider.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Generations over real HTTP against the fake provider, replaying recorded Anthropic streams. */
class AnthropicMessagesAdapterTest {
  private final AnthropicTestBed bed = new AnthropicTestBed();

  @AfterEach
  void tearDown() {
    bed.close();
  }

  @Test
  void textTurnStreamsDeltasToTheListenerAndStoresTheAssembledMessage() throws Exception {
    bed.server.enqueue(Fixtures.response("anthropic-messages/text-stream"));
    List<ContextEntry> context = List.of(bed.user(1, "What is 1+1? Answer with just the number."));

    GenerationResult result = bed.adapter.generate(
        request(1, "claude-sonnet-4-5", CanonicalJson.parseObject("{\"maxOutputTokens\":32000}"), CompactionPolicy.DISABLED, context, List.of()),
        bed.call());

    RecordedRequest sent = bed.server.takeRequest();
    assertThat(sent.method()).isEqualTo("POST");
    assertThat(sent.path()).isEqualTo("/v1/messages");
    assertThat(sent.header("x-api-key")).isEqualTo(KEY);
    assertThat(sent.header("anthropic-version")).isEqualTo("2023-06-01");
    assertThat(sent.findHeader("anthropic-beta")).isEmpty();
    assertThat(sent.bodyText()).isEqualTo("{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":32000,\"messages\":[{\"role\":\"user\",\"content\":"
        + "[{\"type\":\"text\",\"text\":\"What is 1+1? Answer with just the number.\"}]}],\"stream\":true}");
    assertThat(parse(sent.bodyText())).isEqualTo(recordedRequest("anthropic-messages/text-stream"));

    GenerationResult.Completed done = (GenerationResult.Completed) result;
    assertThat(done.finishReason()).isEqualTo("end_turn");
    assertThat(done.providerResponseId()).isEqualTo("msg_018E1hg8GoVTGEKQY3ovMcSJ");
    assertThat(done.usage()).isEqualTo(new Usage(20, 5, 0, 0));
    assertThat(done.toolCalls()).isEmpty();
    String block = "{\"type\":\"text\",\"text\":\"2\"}";
    assertThat(done.outputs()).containsExactly(new ContextItem(null, EntryKind.MESSAGE, EntryRole.ASSISTANT, bed.put(block), "application/json",
        "anthropic:messages:text", "2", 6, null, false));
    assertThat(bed.read(done.outputs().get(0).content())).isEqualTo(block);
    assertThat(bed.read(done.response())).isEqualTo("{\"model\":\"claude-sonnet-4-5-20250929\",\"id\":\"msg_018E1hg8GoVTGEKQY3ovMcSJ\","
        + "\"type\":\"message\",\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"2\"}],\"stop_reason\":\"end_turn\","
        + "\"stop_sequence\":null,\"usage\":{\"input_tokens\":20,\"cache_creation_input_tokens\":0,\"cache_read_input_tokens\":0,"
        + "\"cache_creation\":{\"ephemeral_5m_input_tokens\":0,\"ephemeral_1h_input_tokens\":0},\"output_tokens\":5,"
        + "\"service_tier\":\"standard\",\"inference_geo\":\"not_available\"}}");
    assertThat(bed.live.text).containsExactly("s-anthropic/1:2");
    assertThat(bed.live.reasoning).isEmpty();
  }

  @Test
  void toolUseTurnThenToolResultTurnSendsTheToolUseBlockBackAsStored() throws Exception {
    JsonNode recorded1 = recordedRequest("anthropic-messages/tool-use-stream.turn1");
    String schema = JSON.writeValueAsString(recorded1.at("/tools/0/input_schema"));
    String description = recorded1.at("/tools/0/description").asText();
    List<ToolSpec> tools = List.of(bed.function("get_weather", description, schema));
    ContextEntry question = bed.user(1, "What is the weather in SF?");
    bed.server.enqueue(Fixtures.response("anthropic-messages/tool-use-stream.turn1"));

    GenerationResult.Completed turn1 = (GenerationResult.Completed) bed.adapter.generate(
        request(1, "claude-haiku-4-5", CanonicalJson.parseObject("{\"maxOutputTokens\":1024}"), CompactionPolicy.DISABLED, List.of(question), tools),
        bed.call());

    String tool = "{\"name\":\"get_weather\",\"description\":\"" + description + "\",\"input_schema\":" + schema
        + ",\"cache_control\":{\"type\":\"ephemeral\"}}";
    RecordedRequest sent1 = bed.server.takeRequest();
    assertThat(sent1.bodyText()).isEqualTo("{\"model\":\"claude-haiku-4-5\",\"max_tokens\":1024,\"messages\":[{\"role\":\"user\",\"content\":"
        + "[{\"type\":\"text\",\"text\":\"What is the weather in SF?\"}]}],\"tools\":[" + tool + "],\"stream\":true}");
    assertThat(withoutCacheControl(parse(sent1.bodyText()).at("/tools/0"))).isEqualTo(recorded1.at("/tools/0"));

    String toolUse = "{\"type\":\"tool_use\",\"id\":\"toolu_018acGYLtfR52q9yDbWaEdQZ\",\"name\":\"get_weather\","
        + "\"input\":{\"location\":\"San Francisco, CA\",\"units\":\"f\"},\"caller\":{\"type\":\"direct\"}}";
    assertThat(turn1.finishReason()).isEqualTo("tool_use");
    assertThat(turn1.usage()).isEqualTo(new Usage(656, 74, 0, 0));
    assertThat(turn1.outputs()).containsExactly(new ContextItem(null, EntryKind.TOOL_CALL, EntryRole.ASSISTANT, bed.put(toolUse),
        "application/json", "anthropic:messages:tool_use", "get_weather", toolUse.length() / 4, "toolu_018acGYLtfR52q9yDbWaEdQZ", false));
    assertThat(bed.read(turn1.outputs().get(0).content())).isEqualTo(toolUse);
    assertThat(turn1.toolCalls()).containsExactly(new ToolCall("toolu_018acGYLtfR52q9yDbWaEdQZ", "get_weather",
        bed.put("{\"location\":\"San Francisco, CA\",\"units\":\"f\"}")));
    assertThat(bed.live.text).isEmpty();

    JsonNode recorded2 = recordedRequest("anthropic-messages/tool-use-stream.turn2-tool-result");
    String resultText = recorded2.at("/messages/2/content/0/content").asText();
    List<ContextEntry> context2 = List.of(question, bed.output(2, 1, turn1.outputs().get(0)),
        bed.toolResult(3, "toolu_018acGYLtfR52q9yDbWaEdQZ", resultText, false));
    bed.server.enqueue(Fixtures.response("anthropic-messages/tool-use-stream.turn2-tool-result"));

    GenerationResult.Completed turn2 = (GenerationResult.Completed) bed.adapter.generate(
        request(2, "claude-haiku-4-5", CanonicalJson.parseObject("{\"maxOutputTokens\":1024}"), CompactionPolicy.DISABLED, context2, tools),
        bed.call());

    RecordedRequest sent2 = bed.server.takeRequest();
    String toolResult = JSON.writeValueAsString(recorded2.at("/messages/2/content/0"));
    assertThat(sent2.bodyText()).isEqualTo("{\"model\":\"claude-haiku-4-5\",\"max_tokens\":1024,\"messages\":["
        + "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"What is the weather in SF?\"}]},"
        + "{\"role\":\"assistant\",\"content\":[" + toolUse.substring(0, toolUse.length() - 1) + ",\"cache_control\":{\"type\":\"ephemeral\"}}]},"
        + "{\"role\":\"user\",\"content\":[" + toolResult + "]}],"
        + "\"tools\":[" + tool + "],\"stream\":true}");
    JsonNode body2 = parse(sent2.bodyText());
    assertThat(withoutCacheControl(body2.at("/messages/1/content/0"))).isEqualTo(recorded2.at("/messages/1/content/0"));
    assertThat(body2.at("/messages/2")).isEqualTo(recorded2.at("/messages/2"));

    String answer = "The weather in San Francisco, CA is currently:\n- **Temperature:** 68°F\n- **Condition:** Sunny\n\nIt's a nice sunny day!";
    assertThat(turn2.finishReason()).isEqualTo("end_turn");
    assertThat(turn2.outputs()).hasSize(1);
    assertThat(bed.read(turn2.outputs().get(0).content())).isEqualTo(JSON.writeValueAsString(
        JSON.createObjectNode().put("type", "text").put("text", answer)));
    assertThat(bed.live.text).hasSize(9);
    assertThat(bed.live.text.stream().map(d -> d.substring("s-anthropic/2:".length())).reduce("", String::concat)).isEqualTo(answer);
  }

  @Test
  void thinkingStreamAssemblesTheThinkingBlockWithItsSignature() throws Exception {
    bed.server.enqueue(Fixtures.response("anthropic-messages/thinking-stream"));
    List<ContextEntry> context = List.of(bed.user(1, "How do I cross the street?"));

    GenerationResult.Completed done = (GenerationResult.Completed) bed.adapter.generate(request(1, "claude-sonnet-4-0",
        CanonicalJson.parseObject("{\"maxOutputTokens\":4096,\"reasoningEffort\":\"minimal\"}"), CompactionPolicy.DISABLED, context, List.of()),
        bed.call());

    assertThat(parse(bed.server.takeRequest().bodyText())).isEqualTo(recordedRequest("anthropic-messages/thinking-stream"));
    String sse = new String(Fixtures.responseBody("anthropic-messages/thinking-stream"), StandardCharsets.UTF_8);
    int at = sse.indexOf("\"signature_delta\",\"signature\":\"") + "\"signature_delta\",\"signature\":\"".length();
    String signature = sse.substring(at, sse.indexOf('"', at));
    String thinking = bed.live.reasoning.stream().map(d -> d.substring("s-anthropic/1:".length())).reduce("", String::concat);
    assertThat(thinking).startsWith("This is a straightforward question about pedestrian safety.");
    String block = JSON.writeValueAsString(JSON.createObjectNode().put("type", "thinking").put("thinking", thinking).put("signature", signature));

    assertThat(done.outputs()).extracting(ContextItem::kind).containsExactly(EntryKind.REASONING_STATE, EntryKind.MESSAGE);
    assertThat(done.outputs().get(0).providerKind()).isEqualTo("anthropic:messages:thinking");
    assertThat(bed.read(done.outputs().get(0).content())).isEqualTo(block);
    assertThat(signature).startsWith("EvMCCkYI").endsWith("==");
    assertThat(parse(bed.read(done.response())).at("/content/0")).isEqualTo(parse(block));
  }

  @Test
  void signedThinkingTextAndToolUseFromAJsonAnswerAreStoredAsReceivedAndSentBackUnchanged() throws Exception {
    bed.server.enqueue(Fixtures.response("anthropic-messages/thinking-tool-use.turn1"));
    List<ToolSpec> tools = List.of(bed.function("get_user_country", "", "{\"additionalProperties\":false,\"properties\":{},\"type\":\"object\"}"));
    ContextEntry question = bed.user(1, "What is the largest city in the user country?");
    String generation = "{\"maxOutputTokens\":4096,\"reasoningEffort\":\"low\",\"toolChoice\":{\"type\":\"auto\"}}";

    GenerationResult.Completed turn1 = (GenerationResult.Completed) bed.adapter.generate(request(1, "claude-sonnet-4-0",
        CanonicalJson.parseObject(generation), CompactionPolicy.DISABLED, List.of(question), tools), bed.call());
    bed.server.takeRequest();

    String response = new String(Fixtures.responseBody("anthropic-messages/thinking-tool-use.turn1"), StandardCharsets.UTF_8);
    assertThat(turn1.outputs()).extracting(ContextItem::kind).containsExactly(EntryKind.REASONING_STATE, EntryKind.MESSAGE, EntryKind.TOOL_CALL);
    for (int i = 0; i < 3; i++) {
      String stored = bed.read(turn1.outputs().get(i).content());
      assertThat(response).contains(stored);
      assertThat(parse(stored)).isEqualTo(parse(response).at("/content/" + i));
    }
    assertThat(bed.read(turn1.response())).isEqualTo(response);
    assertThat(turn1.toolCalls()).containsExactly(new ToolCall("toolu_01YGzqpRE16Vricda3Aqcejo", "get_user_country", bed.put("{}")));
    assertThat(turn1.usage()).isEqualTo(new Usage(398, 155, 0, 0));

    bed.server.enqueue(Fixtures.response("anthropic-messages/thinking-tool-use.turn2"));
    List<ContextEntry> context2 = List.of(question, bed.output(2, 1, turn1.outputs().get(0)), bed.output(3, 1, turn1.outputs().get(1)),
        bed.output(4, 1, turn1.outputs().get(2)), bed.toolResult(5, "toolu_01YGzqpRE16Vricda3Aqcejo", "Mexico", false));
    GenerationResult.Completed turn2 = (GenerationResult.Completed) bed.adapter.generate(request(2, "claude-sonnet-4-0",
        CanonicalJson.parseObject(generation), CompactionPolicy.DISABLED, context2, tools), bed.call());

    JsonNode recorded = recordedRequest("anthropic-messages/thinking-tool-use.turn2");
    JsonNode sent = parse(bed.server.takeRequest().bodyText());
    assertThat(sent.at("/messages/1/content/0")).isEqualTo(recorded.at("/messages/1/content/0"));
    assertThat(sent.at("/messages/1/content/1")).isEqualTo(recorded.at("/messages/1/content/1"));
    assertThat(withoutCacheControl(sent.at("/messages/1/content/2"))).isEqualTo(recorded.at("/messages/1/content/2"));
    assertThat(sent.at("/messages/2/content/0").toString())
        .isEqualTo("{\"type\":\"tool_result\",\"tool_use_id\":\"toolu_01YGzqpRE16Vricda3Aqcejo\",\"content\":\"Mexico\"}");
    assertThat(sent.at("/tool_choice")).isEqualTo(recorded.at("/tool_choice"));
    assertThat(sent.at("/thinking").toString()).isEqualTo("{\"type\":\"enabled\",\"budget_tokens\":2048}");
    assertThat(turn2.finishReason()).isEqualTo("end_turn");
  }

  @Test
  void parallelToolResultsMergeIntoOneUserMessageAheadOfSteeringText() throws Exception {
    bed.server.enqueue(AnthropicScript.create().id("msg_1")
        .thinking("Two cities.", "sig-1").text("Checking both.")
        .toolUse("toolu_a", "get_weather", "{\"location\":\"Paris\"}").toolUse("toolu_b", "get_weather", "{\"location\":\"Rome\"}")
        .usage(100, 40, 60, 5).streaming());
    ContextEntry question = bed.user(1, "Weather in Paris and Rome?");

    GenerationResult.Completed turn1 = (GenerationResult.Completed) bed.adapter.generate(request(1, "claude-fake", List.of(question)), bed.call());
    bed.server.takeRequest();

    assertThat(turn1.usage()).isEqualTo(new Usage(165, 40, 60, 0));
    assertThat(turn1.toolCalls()).extracting(ToolCall::callId).containsExactly("toolu_a", "toolu_b");
    List<String> blocks = turn1.outputs().stream().map(i -> bed.read(i.content())).toList();
    assertThat(blocks).containsExactly(
        "{\"type\":\"thinking\",\"thinking\":\"Two cities.\",\"signature\":\"sig-1\"}",
        "{\"type\":\"text\",\"text\":\"Checking both.\"}",
        "{\"type\":\"tool_use\",\"id\":\"toolu_a\",\"name\":\"get_weather\",\"input\":{\"location\":\"Paris\"}}",
        "{\"type\":\"tool_use\",\"id\":\"toolu_b\",\"name\":\"get_weather\",\"input\":{\"location\":\"Rome\"}}");

    bed.server.enqueue(AnthropicScript.create().text("Done.").streaming());
    List<ContextEntry> context2 = List.of(question,
        bed.output(2, 1, turn1.outputs().get(0)), bed.output(3, 1, turn1.outputs().get(1)),
        bed.output(4, 1, turn1.outputs().get(2)), bed.output(5, 1, turn1.outputs().get(3)),
        bed.toolResult(6, "toolu_a", "18 C", false), bed.user(7, "Also Berlin."), bed.toolResult(8, "toolu_b", "timeout", true));
    bed.adapter.generate(request(2, "claude-fake", context2), bed.call());

    assertThat(bed.server.takeRequest().bodyText()).isEqualTo("{\"model\":\"claude-fake\",\"max_tokens\":8192,\"messages\":["
        + "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Weather in Paris and Rome?\"}]},"
        + "{\"role\":\"assistant\",\"content\":[" + blocks.get(0) + "," + blocks.get(1) + "," + blocks.get(2) + ","
        + "{\"type\":\"tool_use\",\"id\":\"toolu_b\",\"name\":\"get_weather\",\"input\":{\"location\":\"Rome\"},\"cache_control\":{\"type\":\"ephemeral\"}}]},"
        + "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"toolu_a\",\"content\":\"18 C\"},"
        + "{\"type\":\"tool_result\",\"tool_use_id\":\"toolu_b\",\"content\":\"timeout\",\"is_error\":true},"
        + "{\"type\":\"text\",\"text\":\"Also Berlin.\"}]}],\"stream\":true}");
  }

  @Test
  void serverToolCitationAndUnknownBlocksAreAssembledAndKeptAsOpaqueItems() throws Exception {
    String sse = String.join("\n\n",
        "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_s\",\"type\":\"message\",\"role\":\"assistant\","
            + "\"model\":\"m\",\"content\":[],\"stop_reason\":null,\"stop_sequence\":null,\"usage\":{\"input_tokens\":9,\"output_tokens\":1}}   }",
        "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,\"content_block\":"
            + "{\"type\":\"server_tool_use\",\"id\":\"srvtoolu_1\",\"name\":\"web_search\",\"input\":{}}}",
        "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,"
            + "\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"{\\\"query\\\": \\\"x\\\", \"}}",
        "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,"
            + "\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"\\\"n\\\": 1.50}\"}}",
        "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}",
        "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":1,\"content_block\":"
            + "{\"type\":\"web_search_tool_result\",\"tool_use_id\":\"srvtoolu_1\",\"content\":[{\"type\":\"web_search_result\",\"url\":\"https://e.x\"}]}}",
        "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":1}",
        "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":2,\"content_block\":{\"citations\":null,\"type\":\"text\",\"text\":\"\"}}",
        "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":2,\"delta\":{\"type\":\"citations_delta\",\"citation\":{\"url\":\"https://e.x\"}}}",
        "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":2,\"delta\":{\"type\":\"text_delta\",\"text\":\"Found.\"}}",
        "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":2}",
        "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":3,\"content_block\":{\"type\":\"mystery\",\"data\":[1,2.0]}}",
        "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":3}",
        "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\",\"stop_sequence\":null},\"usage\":{\"output_tokens\":7}}",
        "event: message_stop\ndata: {\"type\":\"message_stop\"}", "");
    bed.server.enqueue(FakeResponse.sse(sse));

    GenerationResult.Completed done = (GenerationResult.Completed) bed.adapter.generate(request(1, "m", List.of(bed.user(1, "search"))), bed.call());

    assertThat(done.outputs()).extracting(ContextItem::kind)
        .containsExactly(EntryKind.PROVIDER_OPAQUE, EntryKind.PROVIDER_OPAQUE, EntryKind.MESSAGE, EntryKind.PROVIDER_OPAQUE);
    assertThat(done.outputs()).extracting(ContextItem::providerKind).containsExactly("anthropic:messages:server_tool_use",
        "anthropic:messages:web_search_tool_result", "anthropic:messages:text", "anthropic:messages:mystery");
    assertThat(done.outputs().stream().map(i -> bed.read(i.content())).toList()).containsExactly(
        "{\"type\":\"server_tool_use\",\"id\":\"srvtoolu_1\",\"name\":\"web_search\",\"input\":{\"query\":\"x\",\"n\":1.50}}",
        "{\"type\":\"web_search_tool_result\",\"tool_use_id\":\"srvtoolu_1\",\"content\":[{\"type\":\"web_search_result\",\"url\":\"https://e.x\"}]}",
        "{\"citations\":[{\"url\":\"https://e.x\"}],\"type\":\"text\",\"text\":\"Found.\"}",
        "{\"type\":\"mystery\",\"data\":[1,2.0]}");
    assertThat(done.toolCalls()).isEmpty();
    assertThat(done.usage()).isEqualTo(new Usage(9, 7, 0, 0));
  }

  @Test
  void aPausedWebSearchTurnIsSentBackAsItIsAndTheTurnHoldsTheOutputsOfBothRounds() throws Exception {
    String use = "{\"type\":\"server_tool_use\",\"id\":\"srvtoolu_p\",\"name\":\"web_search\",\"input\":{\"query\":\"fox\"}}";
    String result = "{\"type\":\"web_search_tool_result\",\"tool_use_id\":\"srvtoolu_p\",\"content\":[{\"type\":\"web_search_result\",\"url\":\"https://e.x\"}]}";
    bed.server.enqueue(FakeResponse.sse(String.join("\n\n",
        "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_p1\",\"type\":\"message\",\"role\":\"assistant\","
            + "\"model\":\"m\",\"content\":[],\"stop_reason\":null,\"stop_sequence\":null,\"usage\":{\"input_tokens\":20,\"output_tokens\":1}}}",
        "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,\"content_block\":" + use + "}",
        "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}",
        "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":1,\"content_block\":" + result + "}",
        "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":1}",
        "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"pause_turn\",\"stop_sequence\":null},\"usage\":{\"output_tokens\":5}}",
        "event: message_stop\ndata: {\"type\":\"message_stop\"}", "")));
    bed.server.enqueue(AnthropicScript.create().id("msg_p2").text("Found it.").usage(60, 3, 0, 0).streaming());

    GenerationResult.Completed done = (GenerationResult.Completed) bed.adapter.generate(request(1, "m", List.of(bed.user(1, "search fox"))), bed.call());

    String first = bed.server.takeRequest().bodyText();
    String second = bed.server.takeRequest().bodyText();
    assertThat(first).contains("\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"search fox\"}]}]");
    assertThat(RawJson.arrayMember(second, "messages")).containsExactly(
        "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"search fox\"}]}",
        "{\"role\":\"assistant\",\"content\":[" + use + "," + result + "]}");
    assertThat(done.outputs()).extracting(ContextItem::providerKind).containsExactly("anthropic:messages:server_tool_use",
        "anthropic:messages:web_search_tool_result", "anthropic:messages:text");
    assertThat(done.finishReason()).isEqualTo("end_turn");
    assertThat(done.providerResponseId()).isEqualTo("msg_p2");
    assertThat(done.usage()).isEqualTo(new Usage(60, 8, 0, 0));
  }

  @Test
  void redactedThinkingBlocksArriveWholeAndAreSentBackAsStored() throws Exception {
    bed.server.enqueue(Fixtures.response("anthropic-messages/redacted-thinking-stream"));
    String magic = recordedRequest("anthropic-messages/redacted-thinking-stream").at("/messages/0/content/0/text").asText();
    ContextEntry question = bed.user(1, magic);
    String generation = "{\"maxOutputTokens\":4096,\"reasoningEffort\":\"minimal\"}";

    GenerationResult.Completed turn1 = (GenerationResult.Completed) bed.adapter.generate(request(1, "claude-sonnet-4-5-20250929",
        CanonicalJson.parseObject(generation), CompactionPolicy.DISABLED, List.of(question), List.of()), bed.call());

    assertThat(parse(bed.server.takeRequest().bodyText())).isEqualTo(recordedRequest("anthropic-messages/redacted-thinking-stream"));
    String sse = new String(Fixtures.responseBody("anthropic-messages/redacted-thinking-stream"), StandardCharsets.UTF_8);
    assertThat(turn1.outputs()).extracting(ContextItem::kind)
        .containsExactly(EntryKind.REASONING_STATE, EntryKind.REASONING_STATE, EntryKind.MESSAGE);
    assertThat(turn1.outputs()).extracting(ContextItem::preview).startsWith("(redacted thinking)", "(redacted thinking)");
    String redacted1 = bed.read(turn1.outputs().get(0).content());
    String redacted2 = bed.read(turn1.outputs().get(1).content());
    assertThat(redacted1).startsWith("{\"type\":\"redacted_thinking\",\"data\":\"EqkECkYIBxgCKkA8AZ4noDfV5VcOJe");
    assertThat(sse).contains("\"content_block\":" + redacted1).contains("\"content_block\":" + redacted2);
    assertThat(bed.live.reasoning).isEmpty();

    bed.server.enqueue(Fixtures.response("anthropic-messages/text-stream"));
    List<ContextEntry> context2 = List.of(question, bed.output(2, 1, turn1.outputs().get(0)), bed.output(3, 1, turn1.outputs().get(1)),
        bed.output(4, 1, turn1.outputs().get(2)), bed.user(5, "Fine."));
    bed.adapter.generate(request(2, "claude-sonnet-4-5-20250929", CanonicalJson.parseObject(generation), CompactionPolicy.DISABLED, context2,
        List.of()), bed.call());

    String text = bed.read(turn1.outputs().get(2).content());
    assertThat(bed.server.takeRequest().bodyText()).contains("{\"role\":\"assistant\",\"content\":[" + redacted1 + "," + redacted2 + ","
        + text.substring(0, text.length() - 1) + ",\"cache_control\":{\"type\":\"ephemeral\"}}]},"
        + "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Fine.\"}]}]");
  }
}
