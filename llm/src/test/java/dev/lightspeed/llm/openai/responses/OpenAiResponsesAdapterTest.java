package dev.lightspeed.llm.openai.responses;

import static dev.lightspeed.llm.openai.responses.ResponsesHarness.events;
import static dev.lightspeed.llm.openai.responses.ResponsesHarness.parse;
import static dev.lightspeed.llm.openai.responses.ResponsesHarness.request;
import static dev.lightspeed.llm.openai.responses.ResponsesHarness.without;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lightspeed.engine.context.ContextEntry;
import dev.lightspeed.engine.context.ContextItem;
import dev.lightspeed.engine.context.EntryKind;
import dev.lightspeed.engine.context.EntryRole;
import dev.lightspeed.engine.json.Json;
import dev.lightspeed.engine.llm.GenerationResult;
import dev.lightspeed.engine.llm.Usage;
import dev.lightspeed.engine.session.CompactionPolicy;
import dev.lightspeed.engine.tool.ToolCall;
import dev.lightspeed.engine.tool.ToolSpec;
import dev.lightspeed.llm.config.KeyRing;
import dev.lightspeed.llm.config.ProviderConfig;
import dev.lightspeed.llm.config.ReasoningSummary;
import dev.lightspeed.llm.json.RawJson;
import dev.lightspeed.testkit.provider.FakeResponse;
import dev.lightspeed.testkit.provider.Fixtures;
import dev.lightspeed.testkit.provider.RecordedRequest;
import dev.lightspeed.testkit.provider.ResponsesScript;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OpenAiResponsesAdapterTest {
  private static final String WEATHER_TOOL = "{\"type\":\"function\",\"name\":\"get_weather\",\"description\":\"Get current temperature for a given location.\","
      + "\"parameters\":{\"additionalProperties\":false,\"properties\":{\"location\":{\"type\":\"string\"}},\"required\":[\"location\"],"
      + "\"title\":\"Arguments\",\"type\":\"object\",\"x-order\":[\"location\"]}}";

  private final ResponsesHarness h = new ResponsesHarness();

  @AfterEach
  void closeServer() {
    h.close();
  }

  // ---- text --------------------------------------------------------------------------------------------

  @Test
  void textTurnStreamsDeltasLiveAndStoresTheMessageItemAsReceived() throws Exception {
    h.server.enqueue(Fixtures.response("openai-responses/text-stream"));

    GenerationResult result = h.adapter.generate(request("gpt-5.2", List.of(h.instructions("Answer directly."), h.user("What is 2+2?"))), h.call());

    RecordedRequest sent = h.server.takeRequest();
    assertThat(sent.method()).isEqualTo("POST");
    assertThat(sent.path()).isEqualTo("/v1/responses");
    assertThat(sent.header("Authorization")).isEqualTo("Bearer sk-test-key-1");
    assertThat(sent.header("Content-Type")).isEqualTo("application/json");
    assertThat(sent.bodyText()).isEqualTo("{\"model\":\"gpt-5.2\",\"instructions\":\"Answer directly.\",\"input\":[{\"type\":\"message\",\"role\":\"user\","
        + "\"content\":[{\"type\":\"input_text\",\"text\":\"What is 2+2?\"}]}],\"store\":false,\"include\":[\"reasoning.encrypted_content\"],"
        + "\"prompt_cache_key\":\"ses_01test\",\"stream\":true}");

    assertThat(h.live.deltas()).containsExactly("text:2", "text:+", "text:2", "text: =", "text: ", "text:4");
    assertThat(h.live.addressees()).containsExactly("ses_01test/1");
    GenerationResult.Completed done = (GenerationResult.Completed) result;
    assertThat(done.finishReason()).isEqualTo("completed");
    assertThat(done.usage()).isEqualTo(new Usage(20, 10, 0, 0));
    assertThat(done.providerResponseId()).isEqualTo("resp_0dbef2d9d14a548c00696d5e6f5080819086a0a3791c4d6b0c");
    assertThat(done.toolCalls()).isEmpty();
    assertThat(done.outputs()).hasSize(1);
    ContextItem message = done.outputs().get(0);
    assertThat(message).isEqualTo(new ContextItem(null, EntryKind.MESSAGE, EntryRole.ASSISTANT, message.content(), "application/json",
        "openai:responses:message", "2+2 = 4", 1, null, false));
    assertThat(h.text(message.content())).isEqualTo("{\"id\":\"msg_0dbef2d9d14a548c00696d5e6fb1a08190941cffd38695ae38\",\"type\":\"message\","
        + "\"status\":\"completed\",\"content\":[{\"type\":\"output_text\",\"annotations\":[],\"logprobs\":[],\"text\":\"2+2 = 4\"}],\"role\":\"assistant\"}");

    String sse = sseText("openai-responses/text-stream");
    String response = h.text(done.response());
    assertThat(sse).contains("\"response\":" + response + ",\"sequence_number\":13}");
    assertThat(parse(response)).isEqualTo(events(sse, "response.completed").get(0).get("response"));
  }

  // ---- tool calls and replay ---------------------------------------------------------------------------

  @Test
  void toolCallTurnThenToolResultTurnSendsThePreviousOutputItemsByteForByte() throws Exception {
    String instructions = "You are a helpful assistant that reports weather updates.";
    List<ContextEntry> context = new ArrayList<>(List.of(h.instructions(instructions), h.user("What is the weather in New York City, USA?")));
    List<ToolSpec> tools = List.of(h.functionTool("get_weather", WEATHER_TOOL));
    h.server.enqueue(Fixtures.response("openai-responses/store-false-reasoning-function-call.turn1"));

    GenerationResult.Completed turn1 = (GenerationResult.Completed) h.adapter.generate(
        request("gpt-5", context, tools, Json.Obj.EMPTY, CompactionPolicy.DISABLED), h.call());

    JsonNode sent1 = parse(h.server.takeRequest().bodyText());
    JsonNode recorded1 = parse(new String(Fixtures.requestBody("openai-responses/store-false-reasoning-function-call.turn1"), StandardCharsets.UTF_8));
    for (String field : List.of("model", "instructions", "tools", "include", "store", "stream")) {
      assertThat(sent1.get(field)).as(field).isEqualTo(recorded1.get(field));
    }
    assertThat(turn1.usage()).isEqualTo(new Usage(75, 155, 0, 128));
    assertThat(turn1.outputs()).extracting(ContextItem::kind, ContextItem::providerKind, ContextItem::callId).containsExactly(
        tuple(EntryKind.REASONING_STATE, "openai:responses:reasoning", null),
        tuple(EntryKind.TOOL_CALL, "openai:responses:function_call", "call_5dp5Uj0Loqn1YcyIpqSq6sLX"));
    ToolCall call = turn1.toolCalls().get(0);
    assertThat(turn1.toolCalls()).containsExactly(new ToolCall("call_5dp5Uj0Loqn1YcyIpqSq6sLX", "get_weather", call.arguments()));
    assertThat(h.text(call.arguments())).isEqualTo("{ \"location\": \"New York City, USA\" }");
    String reasoning = h.text(turn1.outputs().get(0).content());
    String functionCall = h.text(turn1.outputs().get(1).content());
    assertThat(functionCall).isEqualTo("{\"id\":\"fc_68d9303fe7fc819ea999bda43617404203aa6e5a972b3b23\",\"type\":\"function_call\",\"status\":\"completed\","
        + "\"arguments\":\"{ \\\"location\\\": \\\"New York City, USA\\\" }\",\"call_id\":\"call_5dp5Uj0Loqn1YcyIpqSq6sLX\",\"name\":\"get_weather\"}");
    String sse1 = sseText("openai-responses/store-false-reasoning-function-call.turn1");
    assertThat(sse1).contains("\"item\":" + reasoning + "}");
    assertThat(parse(reasoning)).isEqualTo(events(sse1, "response.output_item.done").get(0).get("item"));

    context.addAll(h.placed(turn1.outputs()));
    context.add(h.toolResult(call.callId(), "\"Sunny\""));
    h.server.enqueue(Fixtures.response("openai-responses/store-false-reasoning-function-call.turn2"));

    GenerationResult.Completed turn2 = (GenerationResult.Completed) h.adapter.generate(
        request("gpt-5", context, tools, Json.Obj.EMPTY, CompactionPolicy.DISABLED), h.call());

    String body2 = h.server.takeRequest().bodyText();
    List<String> input = RawJson.arrayMember(body2, "input");
    assertThat(input).hasSize(4);
    assertThat(input.get(1)).isEqualTo(reasoning);
    assertThat(input.get(2)).isEqualTo(functionCall);
    assertThat(input.get(3)).isEqualTo("{\"type\":\"function_call_output\",\"call_id\":\"call_5dp5Uj0Loqn1YcyIpqSq6sLX\",\"output\":\"\\\"Sunny\\\"\"}");
    JsonNode recorded2 = parse(new String(Fixtures.requestBody("openai-responses/store-false-reasoning-function-call.turn2"), StandardCharsets.UTF_8))
        .get("input");
    assertThat(parse(input.get(1))).isEqualTo(recorded2.get(1));
    assertThat(without(parse(input.get(2)), "status")).isEqualTo(recorded2.get(2));
    assertThat(parse(input.get(3))).isEqualTo(recorded2.get(3));
    assertThat(turn2.outputs()).extracting(ContextItem::preview).containsExactly("Current weather in New York City, USA: Sunny.");
    assertThat(turn2.toolCalls()).isEmpty();
  }

  @Test
  void reasoningItemIsStoredFromOutputItemDoneAndReplayedByteForByte() throws Exception {
    String finalResult = "{\"type\":\"function\",\"name\":\"final_result\",\"description\":\"The final response which ends this conversation\","
        + "\"parameters\":{\"additionalProperties\":false,\"properties\":{\"result\":{\"type\":\"integer\"}},\"required\":[\"result\"],\"type\":\"object\"}}";
    Json.Obj generation = Json.Obj.builder().put("reasoningEffort", "low").put("processingTier", "flex")
        .put("toolChoice", Json.Obj.builder().put("type", "requiredAny").build()).build();
    List<ContextEntry> context = new ArrayList<>(List.of(h.user("Calculate 100 * 200 / 3")));
    List<ToolSpec> tools = List.of(h.functionTool("final_result", finalResult));
    h.server.enqueue(Fixtures.response("openai-responses/reasoning-function-call-stream"));

    GenerationResult.Completed turn1 = (GenerationResult.Completed) h.adapter.generate(request("gpt-5", context, tools, generation, CompactionPolicy.DISABLED), h.call());

    JsonNode sent = parse(h.server.takeRequest().bodyText());
    JsonNode recorded = parse(new String(Fixtures.requestBody("openai-responses/reasoning-function-call-stream"), StandardCharsets.UTF_8));
    assertThat(sent.get("tool_choice")).isEqualTo(recorded.get("tool_choice"));
    assertThat(sent.get("service_tier")).isEqualTo(recorded.get("service_tier"));
    assertThat(sent.get("include")).isEqualTo(recorded.get("include"));
    assertThat(sent.get("reasoning").toString()).as("no summary unless the provider is configured to ask").isEqualTo("{\"effort\":\"low\"}");
    String sse = sseText("openai-responses/reasoning-function-call-stream");
    String added = events(sse, "response.output_item.added").get(0).get("item").get("encrypted_content").asText();
    String doneItem = events(sse, "response.output_item.done").get(0).get("item").get("encrypted_content").asText();
    String completed = events(sse, "response.completed").get(0).get("response").get("output").get(0).get("encrypted_content").asText();
    String reasoning = h.text(turn1.outputs().get(0).content());
    assertThat(parse(reasoning).get("encrypted_content").asText()).isEqualTo(doneItem).isNotEqualTo(added).isNotEqualTo(completed);
    assertThat(sse).contains("\"item\":" + reasoning + "}");

    context.addAll(h.placed(turn1.outputs()));
    context.add(h.toolResult("call_CWXgs68YprAjp6t0371hiPOI", "6666"));
    h.server.enqueue(Fixtures.response("openai-responses/text-stream"));
    h.adapter.generate(request("gpt-5", context, tools, generation, CompactionPolicy.DISABLED), h.call());

    String body = h.server.takeRequest().bodyText();
    assertThat(RawJson.arrayMember(body, "input").get(1)).isEqualTo(reasoning);
    assertThat(body).contains("," + reasoning + ",");
  }

  @Test
  void aProviderConfiguredForReasoningSummariesAsksForThem() throws Exception {
    JsonNode recorded = parse(new String(Fixtures.requestBody("openai-responses/reasoning-tool-call.turn1"), StandardCharsets.UTF_8));
    ProviderConfig detailed = new ProviderConfig("openai", h.server.url("/v1"), KeyRing.of(List.of(ResponsesHarness.KEY)), Map.of(),
        ReasoningSummary.DETAILED);
    h.server.enqueue(Fixtures.response("openai-responses/text-stream"));

    h.adapter.generate(request("gpt-5", List.of(h.user("hi")), List.of(), Json.Obj.builder().put("reasoningEffort", "low").build(),
        CompactionPolicy.DISABLED), h.call(detailed));

    JsonNode sent = parse(h.server.takeRequest().bodyText());
    assertThat(sent.get("reasoning")).isEqualTo(recorded.get("reasoning"));
    assertThat(sent.get("reasoning").toString()).isEqualTo("{\"effort\":\"low\",\"summary\":\"detailed\"}");
  }

  @Test
  void reasoningItemsThatAreOnlyAnIdAreLeftOutOfTheReplay() throws Exception {
    // Under store:false OpenAI cannot resolve a reasoning item by its id and answers 404; one that carries its
    // encrypted content, or (from a compatible server) its reasoning text, goes back as stored.
    String bare = "{\"id\":\"rs_bare\",\"type\":\"reasoning\",\"summary\":[{\"type\":\"summary_text\",\"text\":\"Thinking.\"}]}";
    String nullEncrypted = "{\"id\":\"rs_null\",\"type\":\"reasoning\",\"encrypted_content\":null,\"summary\":[],\"content\":[]}";
    String encrypted = "{\"id\":\"rs_enc\",\"type\":\"reasoning\",\"encrypted_content\":\"gAAAAB\",\"summary\":[]}";
    String withText = "{\"id\":\"rs_text\",\"type\":\"reasoning\",\"summary\":[],\"content\":[{\"type\":\"reasoning_text\",\"text\":\"Hmm.\"}]}";
    String function = "{\"type\":\"function_call\",\"id\":\"fc_1\",\"call_id\":\"call_F\",\"name\":\"get_weather\",\"arguments\":\"{}\"}";
    h.server.enqueue(Fixtures.response("openai-responses/text-stream"));

    h.adapter.generate(request("gpt-5", List.of(h.user("go"),
        h.storedItem(EntryKind.REASONING_STATE, "reasoning", bare, null),
        h.storedItem(EntryKind.REASONING_STATE, "reasoning", nullEncrypted, null),
        h.storedItem(EntryKind.REASONING_STATE, "reasoning", encrypted, null),
        h.storedItem(EntryKind.REASONING_STATE, "reasoning", withText, null),
        h.storedItem(EntryKind.TOOL_CALL, "function_call", function, "call_F"),
        h.toolResult("call_F", "sunny"))), h.call());

    assertThat(RawJson.arrayMember(h.server.takeRequest().bodyText(), "input")).containsExactly(
        "{\"type\":\"message\",\"role\":\"user\",\"content\":[{\"type\":\"input_text\",\"text\":\"go\"}]}",
        encrypted,
        withText,
        function,
        "{\"type\":\"function_call_output\",\"call_id\":\"call_F\",\"output\":\"sunny\"}");
  }

  @Test
  void legacyStreamWithoutSequenceNumbersYieldsTheFunctionCall() throws Exception {
    h.server.enqueue(Fixtures.response("openai-responses/function-call-stream-legacy-2025-03"));

    GenerationResult.Completed done = (GenerationResult.Completed) h.adapter.generate(
        request("gpt-4o", List.of(h.user("What is the capital of France?"))), h.call());

    assertThat(done.finishReason()).isEqualTo("completed");
    assertThat(done.usage()).isEqualTo(new Usage(255, 16, 0, 0));
    assertThat(done.providerResponseId()).isEqualTo("resp_67e554a155508191900ee113293c4c830794405d35281ae2");
    assertThat(done.toolCalls()).extracting(ToolCall::callId, ToolCall::name)
        .containsExactly(tuple("call_kL0PCQV7M2WMoVX8V8OtYSAL", "get_capital"));
    assertThat(h.text(done.toolCalls().get(0).arguments())).isEqualTo("{\"country\":\"France\"}");
    assertThat(h.text(done.outputs().get(0).content())).isEqualTo("{\"type\":\"function_call\",\"id\":\"fc_67e554a1de488191af0831d35cbe082e0794405d35281ae2\","
        + "\"call_id\":\"call_kL0PCQV7M2WMoVX8V8OtYSAL\",\"name\":\"get_capital\",\"arguments\":\"{\\\"country\\\":\\\"France\\\"}\",\"status\":\"completed\"}");
    assertThat(done.outputs().get(0).preview()).isEqualTo("get_capital");
  }

  @Test
  void streamWithoutEventNamesIsFoldedByEachDataType() throws Exception {
    // Some Responses-compatible servers send only data lines; the fold must then read each event's type.
    String unnamed = sseText("openai-responses/function-call-stream-legacy-2025-03").replaceAll("(?m)^event:.*\n", "");
    assertThat(unnamed).doesNotContain("event:");
    h.server.enqueue(FakeResponse.sse(unnamed));

    GenerationResult.Completed done = (GenerationResult.Completed) h.adapter.generate(
        request("gpt-4o", List.of(h.user("What is the capital of France?"))), h.call());

    assertThat(done.finishReason()).isEqualTo("completed");
    assertThat(done.usage()).isEqualTo(new Usage(255, 16, 0, 0));
    assertThat(done.toolCalls()).extracting(ToolCall::callId, ToolCall::name)
        .containsExactly(tuple("call_kL0PCQV7M2WMoVX8V8OtYSAL", "get_capital"));
  }

  @Test
  void parallelToolCallsAreReportedInOutputOrder() throws Exception {
    FakeResponse stream = ResponsesScript.create().id("resp_par")
        .functionCall("call_A", "get_weather", "{\"location\":\"Paris\"}")
        .functionCall("call_B", "get_weather", "{\"location\":\"Rome\"}")
        .usage(50, 32, 40, 0).streaming();
    h.server.enqueue(stream);
    Json.Obj generation = Json.Obj.builder().put("parallelToolUse", true)
        .put("toolChoice", Json.Obj.builder().put("type", "specific").put("toolId", "get_weather").build()).build();

    GenerationResult.Completed done = (GenerationResult.Completed) h.adapter.generate(
        request("gpt-5", List.of(h.user("Weather in Paris and Rome?")), List.of(h.functionTool("get_weather", WEATHER_TOOL)), generation,
            CompactionPolicy.DISABLED), h.call());

    JsonNode sent = parse(h.server.takeRequest().bodyText());
    assertThat(sent.get("tool_choice").toString()).isEqualTo("{\"type\":\"function\",\"name\":\"get_weather\"}");
    assertThat(sent.get("parallel_tool_calls").asBoolean()).isTrue();
    assertThat(done.toolCalls()).extracting(ToolCall::callId, ToolCall::name).containsExactly(
        tuple("call_A", "get_weather"), tuple("call_B", "get_weather"));
    assertThat(done.toolCalls()).extracting(c -> h.text(c.arguments())).containsExactly("{\"location\":\"Paris\"}", "{\"location\":\"Rome\"}");
    assertThat(done.outputs()).extracting(ContextItem::callId).containsExactly("call_A", "call_B");
    List<JsonNode> doneItems = events(stream.bodyText(), "response.output_item.done");
    for (int i = 0; i < 2; i++) {
      String stored = h.text(done.outputs().get(i).content());
      assertThat(stream.bodyText()).contains("\"item\":" + stored + ",");
      assertThat(parse(stored)).isEqualTo(doneItems.get(i).get("item"));
    }
    assertThat(done.usage()).isEqualTo(new Usage(50, 40, 32, 0));
  }

  @Test
  void reasoningSummaryStreamsLiveAndBecomesThePreview() throws Exception {
    h.server.enqueue(ResponsesScript.create().reasoning("gAAAAenc", "Thinking about foxes.", "Then about bears.").text("Fox", "es.")
        .usage(30, 0, 20, 12).streaming());

    GenerationResult.Completed done = (GenerationResult.Completed) h.adapter.generate(request("gpt-5", List.of(h.user("foxes?"))), h.call());

    assertThat(h.live.deltas()).containsExactly("reasoning:Thinking about foxes.", "reasoning:Then about bears.", "text:Fox", "text:es.");
    assertThat(done.outputs()).extracting(ContextItem::kind, ContextItem::preview).containsExactly(
        tuple(EntryKind.REASONING_STATE, "Thinking about foxes.\n\nThen about bears."),
        tuple(EntryKind.MESSAGE, "Foxes."));
    assertThat(parse(h.text(done.outputs().get(0).content())).get("encrypted_content").asText()).isEqualTo("gAAAAenc");
    assertThat(done.usage()).isEqualTo(new Usage(30, 20, 0, 12));
  }

  @Test
  void customToolCallIsReportedWithItsInputAsArguments() throws Exception {
    String custom = "{\"id\":\"ctc_1\",\"type\":\"custom_tool_call\",\"status\":\"completed\",\"call_id\":\"call_C\",\"name\":\"apply_patch\","
        + "\"input\":\"*** Begin Patch\\n*** End Patch\"}";
    h.server.enqueue(FakeResponse.sse(TestStreams.created("resp_custom")
        + TestStreams.event("response.output_item.done", "{\"type\":\"response.output_item.done\",\"output_index\":0,\"item\":" + custom + "}")
        + TestStreams.completed("resp_custom", "[" + custom + "]", 10, 0, 5, 0)));

    GenerationResult.Completed done = (GenerationResult.Completed) h.adapter.generate(request("gpt-5", List.of(h.user("patch it"))), h.call());

    assertThat(done.outputs().get(0).kind()).isEqualTo(EntryKind.TOOL_CALL);
    assertThat(done.outputs().get(0).providerKind()).isEqualTo("openai:responses:custom_tool_call");
    assertThat(done.toolCalls()).extracting(ToolCall::callId, ToolCall::name)
        .containsExactly(tuple("call_C", "apply_patch"));
    assertThat(h.text(done.toolCalls().get(0).arguments())).isEqualTo("*** Begin Patch\n*** End Patch");
  }

  @Test
  void toolResultForACustomToolCallIsSentAsCustomToolCallOutput() throws Exception {
    String custom = "{\"type\":\"custom_tool_call\",\"id\":\"ctc_1\",\"call_id\":\"call_C\",\"name\":\"apply_patch\",\"input\":\"x\"}";
    String function = "{\"type\":\"function_call\",\"id\":\"fc_1\",\"call_id\":\"call_F\",\"name\":\"get_weather\",\"arguments\":\"{}\"}";
    h.server.enqueue(Fixtures.response("openai-responses/text-stream"));

    h.adapter.generate(request("gpt-5", List.of(h.user("go"),
        h.storedItem(EntryKind.TOOL_CALL, "custom_tool_call", custom, "call_C"),
        h.storedItem(EntryKind.TOOL_CALL, "function_call", function, "call_F"),
        h.toolResult("call_C", "patched"), h.toolResult("call_F", "sunny"))), h.call());

    assertThat(RawJson.arrayMember(h.server.takeRequest().bodyText(), "input")).containsExactly(
        "{\"type\":\"message\",\"role\":\"user\",\"content\":[{\"type\":\"input_text\",\"text\":\"go\"}]}",
        custom,
        function,
        "{\"type\":\"custom_tool_call_output\",\"call_id\":\"call_C\",\"output\":\"patched\"}",
        "{\"type\":\"function_call_output\",\"call_id\":\"call_F\",\"output\":\"sunny\"}");
  }

  // ---- input rendering and settings --------------------------------------------------------------------

  @Test
  void imageAndPdfMessagesAreSentAsBase64DataUrls() throws Exception {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    byte[] pdf = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    h.server.enqueue(Fixtures.response("openai-responses/text-stream"));

    h.adapter.generate(request("gpt-5", List.of(h.user("Describe both."), h.message(EntryKind.MESSAGE, EntryRole.USER, "image/png", png),
        h.message(EntryKind.MESSAGE, EntryRole.USER, "application/pdf", pdf))), h.call());

    assertThat(RawJson.arrayMember(h.server.takeRequest().bodyText(), "input")).containsExactly(
        "{\"type\":\"message\",\"role\":\"user\",\"content\":[{\"type\":\"input_text\",\"text\":\"Describe both.\"}]}",
        "{\"type\":\"message\",\"role\":\"user\",\"content\":[{\"type\":\"input_image\",\"image_url\":\"data:image/png;base64,iVBORw0KGgo=\",\"detail\":\"auto\"}]}",
        "{\"type\":\"message\",\"role\":\"user\",\"content\":[{\"type\":\"input_file\",\"filename\":\"document.pdf\","
            + "\"file_data\":\"data:application/pdf;base64,JVBERi0xLjQKJSVFT0YK\"}]}");
  }

  @Test
  void requestCarriesEveryGenerationSettingToolAndTheSystemPrompt() throws Exception {
    List<ToolSpec> tools = List.of(
        h.functionTool("bash", "{\"name\":\"bash\",\"description\":\"Run a command.\",\"parameters\": {\"type\": \"object\", \"properties\": {}}}"),
        h.functionTool("ping", "{\"name\":\"ping\"}"),
        h.functionTool("search", "{\"type\":\"native\",\"apiKind\":\"openai:responses\",\"definition\":{\"type\":\"web_search\"}}"),
        h.functionTool("anthropic_only", "{\"type\":\"native\",\"apiKind\":\"anthropic:messages\",\"definition\":{\"type\":\"bash_20250124\",\"name\":\"bash\"}}"));
    Json.Obj generation = Json.Obj.builder().put("maxOutputTokens", 2048).put("reasoningEffort", "high").put("processingTier", "priority")
        .put("parallelToolUse", false).put("toolChoice", Json.Obj.builder().put("type", "none").build()).build();
    List<ContextEntry> context = List.of(
        h.instructions("Be brief."),
        h.message(EntryKind.SKILL_CATALOG, EntryRole.SYSTEM, "text/markdown", "Skills: none".getBytes(StandardCharsets.UTF_8)),
        h.user("Hi"),
        h.message(EntryKind.MESSAGE, EntryRole.ASSISTANT, "text/plain", "Hello.".getBytes(StandardCharsets.UTF_8)),
        h.message(EntryKind.COMPACTION, EntryRole.NONE, "text/plain", "Earlier: greetings.".getBytes(StandardCharsets.UTF_8)),
        h.message(EntryKind.MESSAGE, EntryRole.DEVELOPER, "text/plain", "Prefer records.".getBytes(StandardCharsets.UTF_8)),
        h.instructions("Use Java."));
    h.server.enqueue(Fixtures.response("openai-responses/text-stream"));

    h.adapter.generate(request("gpt-5", context, tools, generation, new CompactionPolicy(CompactionPolicy.Mode.PROVIDER_TRIGGERED, 20000, 0)), h.call());

    assertThat(h.server.takeRequest().bodyText()).isEqualTo("{\"model\":\"gpt-5\",\"instructions\":\"Be brief.\\n\\nSkills: none\\n\\nUse Java.\","
        + "\"input\":["
        + "{\"type\":\"message\",\"role\":\"user\",\"content\":[{\"type\":\"input_text\",\"text\":\"Hi\"}]},"
        + "{\"type\":\"message\",\"role\":\"assistant\",\"content\":\"Hello.\"},"
        + "{\"type\":\"message\",\"role\":\"user\",\"content\":[{\"type\":\"input_text\",\"text\":\"Earlier: greetings.\"}]},"
        + "{\"type\":\"message\",\"role\":\"developer\",\"content\":[{\"type\":\"input_text\",\"text\":\"Prefer records.\"}]}],"
        + "\"tools\":["
        + "{\"type\":\"function\",\"name\":\"bash\",\"description\":\"Run a command.\",\"parameters\":{\"type\": \"object\", \"properties\": {}},\"strict\":false},"
        + "{\"type\":\"function\",\"name\":\"ping\",\"parameters\":{\"type\":\"object\",\"properties\":{}},\"strict\":false},"
        + "{\"type\":\"web_search\"}],"
        + "\"tool_choice\":\"none\",\"parallel_tool_calls\":false,"
        + "\"reasoning\":{\"effort\":\"high\"},\"max_output_tokens\":2048,\"service_tier\":\"priority\","
        + "\"store\":false,\"include\":[\"reasoning.encrypted_content\"],\"prompt_cache_key\":\"ses_01test\","
        + "\"context_management\":[{\"type\":\"compaction\",\"compact_threshold\":20000}],\"stream\":true}");
  }

  @Test
  void aCompactThresholdBelowTheApisMinimumIsRaisedToIt() throws Exception {
    h.server.enqueue(Fixtures.response("openai-responses/text-stream"));

    h.adapter.generate(request("gpt-5", List.of(h.user("hi")), List.of(), Json.Obj.EMPTY,
        new CompactionPolicy(CompactionPolicy.Mode.PROVIDER_TRIGGERED, 200, 0)), h.call());

    assertThat(parse(h.server.takeRequest().bodyText()).get("context_management").toString())
        .isEqualTo("[{\"type\":\"compaction\",\"compact_threshold\":1000}]");
  }

  @Test
  void keylessProviderSendsNoAuthorizationHeader() throws Exception {
    h.server.enqueue(Fixtures.response("openai-responses/text-stream"));

    GenerationResult result = h.adapter.generate(request("local-model", List.of(h.user("hi"))), h.call(h.provider()));

    assertThat(result).isInstanceOf(GenerationResult.Completed.class);
    RecordedRequest sent = h.server.takeRequest();
    assertThat(sent.findHeader("Authorization")).isEmpty();
    assertThat(sent.bodyText()).doesNotContain("sk-");
  }

  // ---- other output items ------------------------------------------------------------------------------

  @Test
  void providerTriggeredCompactionYieldsACompactionItem() throws Exception {
    String id = "openai-responses/compact-server-side.stream-with-compaction-item";
    h.server.enqueue(Fixtures.response(id));

    GenerationResult.Completed done = (GenerationResult.Completed) h.adapter.generate(request("gpt-4.1", List.of(h.user("a bear story")),
        List.of(), Json.Obj.EMPTY, new CompactionPolicy(CompactionPolicy.Mode.PROVIDER_TRIGGERED, 1000, 0)), h.call());

    JsonNode sent = parse(h.server.takeRequest().bodyText());
    JsonNode recorded = parse(new String(Fixtures.requestBody(id), StandardCharsets.UTF_8));
    assertThat(sent.get("context_management")).isEqualTo(recorded.get("context_management"));
    assertThat(done.outputs()).extracting(ContextItem::kind, ContextItem::role, ContextItem::providerKind).containsExactly(
        tuple(EntryKind.MESSAGE, EntryRole.ASSISTANT, "openai:responses:message"),
        tuple(EntryKind.COMPACTION, EntryRole.ASSISTANT, "openai:responses:compaction"));
    String sse = sseText(id);
    String compaction = h.text(done.outputs().get(1).content());
    assertThat(sse).contains("\"item\":" + compaction + ",");
    assertThat(parse(compaction)).isEqualTo(events(sse, "response.output_item.done").get(1).get("item"));
    assertThat(done.usage()).isEqualTo(new Usage(872, 1254, 0, 0));
  }

  @Test
  void serverToolAndUnknownItemsAreKeptAsOpaqueItems() throws Exception {
    String search = "{\"id\":\"ws_1\",\"type\":\"web_search_call\",\"status\":\"completed\",\"action\":{\"type\":\"search\",\"query\":\"fox\"}}";
    String future = "{\"id\":\"x_1\",\"type\":\"hologram_call\",\"payload\":[1,2,3]}";
    h.server.enqueue(FakeResponse.sse(TestStreams.created("resp_op")
        + TestStreams.event("response.output_item.done", "{\"type\":\"response.output_item.done\",\"output_index\":0,\"item\":" + search + "}")
        + TestStreams.event("response.output_item.done", "{\"type\":\"response.output_item.done\",\"output_index\":1,\"item\":" + future + "}")
        + TestStreams.completed("resp_op", "[" + search + "," + future + "]", 10, 0, 5, 0)));

    GenerationResult.Completed done = (GenerationResult.Completed) h.adapter.generate(request("gpt-5", List.of(h.user("fox?"))), h.call());

    assertThat(done.outputs()).extracting(ContextItem::kind, ContextItem::providerKind, ContextItem::preview).containsExactly(
        tuple(EntryKind.PROVIDER_OPAQUE, "openai:responses:web_search_call", "web_search_call"),
        tuple(EntryKind.PROVIDER_OPAQUE, "openai:responses:hologram_call", "hologram_call"));
    assertThat(done.outputs()).extracting(o -> h.text(o.content())).containsExactly(search, future);
    assertThat(done.toolCalls()).isEmpty();
  }

  @Test
  void aWebSearchCallFromAnEarlierTurnIsSentBackByteForByte() throws Exception {
    String search = "{\"id\":\"ws_7\",\"type\":\"web_search_call\",\"status\":\"completed\","
        + "\"action\":{\"type\":\"search\",\"query\":\"fox  speed\",\"sources\":[{\"type\":\"url\",\"url\":\"https://e.x/\"}]}}";
    String answer = "{\"id\":\"msg_7\",\"type\":\"message\",\"status\":\"completed\",\"role\":\"assistant\","
        + "\"content\":[{\"type\":\"output_text\",\"text\":\"About 50 km/h.\",\"annotations\":[]}]}";
    List<ContextEntry> context = List.of(h.user("how fast is a fox?"), h.storedItem(EntryKind.PROVIDER_OPAQUE, "web_search_call", search, null),
        h.storedItem(EntryKind.MESSAGE, "message", answer, null), h.user("and a hare?"));
    h.server.enqueue(ResponsesScript.create().text("Faster.").streaming());

    h.adapter.generate(request("gpt-5", context, List.of(h.functionTool("web_search",
        "{\"type\":\"native\",\"apiKind\":\"openai:responses\",\"definition\":{\"filters\":{\"allowed_domains\":[\"e.x\"]},\"type\":\"web_search\"}}")),
        Json.Obj.EMPTY, CompactionPolicy.DISABLED), h.call());

    String body = h.server.takeRequest().bodyText();
    assertThat(RawJson.arrayMember(body, "input")).containsExactly(
        "{\"type\":\"message\",\"role\":\"user\",\"content\":[{\"type\":\"input_text\",\"text\":\"how fast is a fox?\"}]}",
        search, answer,
        "{\"type\":\"message\",\"role\":\"user\",\"content\":[{\"type\":\"input_text\",\"text\":\"and a hare?\"}]}");
    assertThat(RawJson.arrayMember(body, "tools")).containsExactly("{\"filters\":{\"allowed_domains\":[\"e.x\"]},\"type\":\"web_search\"}");
  }

  @Test
  void incompleteResponseReportsItsReasonAsTheFinishReason() throws Exception {
    h.server.enqueue(ResponsesScript.create().id("resp_inc").text("Once", " upon").usage(9, 0, 16, 0).incomplete("max_output_tokens").streaming());

    GenerationResult.Completed done = (GenerationResult.Completed) h.adapter.generate(request("gpt-5", List.of(h.user("story"))), h.call());

    assertThat(done.finishReason()).isEqualTo("incomplete:max_output_tokens");
    assertThat(done.providerResponseId()).isEqualTo("resp_inc");
    assertThat(done.usage()).isEqualTo(new Usage(9, 16, 0, 0));
    assertThat(done.outputs()).extracting(ContextItem::preview).containsExactly("Once upon");
  }

  private static String sseText(String id) {
    return new String(Fixtures.responseBody(id), StandardCharsets.UTF_8);
  }
}
