package dev.lightspeed.llm.openai.completions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeed.engine.context.ContextEntry;
import dev.lightspeed.engine.context.ContextItem;
import dev.lightspeed.engine.context.EntryKind;
import dev.lightspeed.engine.context.EntryRole;
import dev.lightspeed.engine.json.CanonicalJson;
import dev.lightspeed.engine.json.Json;
import dev.lightspeed.engine.llm.GenerationResult;
import dev.lightspeed.engine.llm.Usage;
import dev.lightspeed.engine.tool.ToolCall;
import dev.lightspeed.engine.tool.ToolSpec;
import dev.lightspeed.llm.LiveListener;
import dev.lightspeed.llm.ProviderError;
import dev.lightspeed.llm.ProviderException;
import dev.lightspeed.llm.config.KeyRing;
import dev.lightspeed.llm.config.ProviderConfig;
import dev.lightspeed.testkit.provider.ChatScript;
import dev.lightspeed.testkit.provider.FakeResponse;
import dev.lightspeed.testkit.provider.Fixtures;
import dev.lightspeed.testkit.provider.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OpenAiCompletionsAdapterTest {
  private static final String FIXTURES = "openai-chat-completions/";
  private static final String GET_CAPITAL = "{\"type\":\"function\",\"name\":\"get_capital\",\"description\":\"\",\"parameters\":"
      + "{\"additionalProperties\":false,\"properties\":{\"country\":{\"type\":\"string\"}},\"required\":[\"country\"],\"type\":\"object\"},\"strict\":true}";

  private final ChatHarness h = new ChatHarness();
  private final OpenAiCompletionsAdapter adapter = new OpenAiCompletionsAdapter();

  @AfterEach
  void tearDown() {
    h.close();
  }

  @Test
  void textTurnStreamsDeltasToTheListenerAndStoresTheAssembledMessage() throws Exception {
    h.server.enqueue(Fixtures.response(FIXTURES + "text-stream-with-usage-2024"));
    ChatHarness.RecordingListener live = new ChatHarness.RecordingListener();
    var request = ChatHarness.request(3, "openai", "gpt-4o-2024-08-06", Json.Obj.EMPTY,
        List.of(h.instructions("You are terse."), h.instructions("Skills: none."), h.user("What's the weather like in SF?")), List.of());

    GenerationResult result = adapter.generate(request, h.call(h.openai(), live, () -> false));

    RecordedRequest sent = h.server.takeRequest();
    assertThat(sent.method()).isEqualTo("POST");
    assertThat(sent.path()).isEqualTo("/v1/chat/completions");
    assertThat(sent.header("Authorization")).isEqualTo("Bearer sk-test");
    assertThat(sent.header("Content-Type")).isEqualTo("application/json");
    assertThat(sent.bodyText()).isEqualTo("{\"model\":\"gpt-4o-2024-08-06\",\"messages\":["
        + "{\"role\":\"system\",\"content\":\"You are terse.\\n\\nSkills: none.\"},"
        + "{\"role\":\"user\",\"content\":\"What's the weather like in SF?\"}],"
        + "\"prompt_cache_key\":\"sess-1\",\"stream\":true,\"stream_options\":{\"include_usage\":true}}");

    String text = "I'm unable to provide real-time weather updates. To get the current weather in San Francisco, "
        + "I recommend checking a reliable weather website or a weather app.";
    assertThat(live.text).hasSize(30);
    assertThat(String.join("", live.text)).isEqualTo(text);
    assertThat(live.sessions).containsOnly("sess-1");
    assertThat(live.turns).containsOnly(3L);

    GenerationResult.Completed done = (GenerationResult.Completed) result;
    assertThat(done.turn()).isEqualTo(3);
    assertThat(done.finishReason()).isEqualTo("stop");
    assertThat(done.usage()).isEqualTo(new Usage(14, 30, 0, 0));
    assertThat(done.providerResponseId()).isEqualTo("chatcmpl-ABfw031mOJeYCSHe4yI2ZjOA6kMJL");
    assertThat(done.toolCalls()).isEmpty();
    String message = "{\"role\":\"assistant\",\"content\":\"" + text + "\"}";
    assertThat(done.outputs()).hasSize(1);
    ContextItem item = done.outputs().getFirst();
    assertThat(h.read(item.content())).isEqualTo(message);
    assertThat(item).isEqualTo(new ContextItem(null, EntryKind.MESSAGE, EntryRole.ASSISTANT, item.content(), "application/json",
        "openai:completions:message", text, (message.length() + 3) / 4, null, false));
    assertThat(h.read(done.response())).isEqualTo("{\"id\":\"chatcmpl-ABfw031mOJeYCSHe4yI2ZjOA6kMJL\",\"object\":\"chat.completion\","
        + "\"created\":1727346168,\"model\":\"gpt-4o-2024-08-06\",\"choices\":[{\"index\":0,\"message\":" + message + ",\"finish_reason\":\"stop\"}],"
        + "\"usage\":{\"prompt_tokens\":14,\"completion_tokens\":30,\"total_tokens\":44,\"completion_tokens_details\":{\"reasoning_tokens\":0}},"
        + "\"system_fingerprint\":\"fp_5050236cbd\"}");
  }

  @Test
  void toolCallTurnThenToolResultTurnReplaysTheStoredMessageByteForByte() throws Exception {
    ToolSpec tool = h.tool("get_capital", GET_CAPITAL);
    Json.Obj generation = Json.Obj.builder().put("toolChoice", Json.Obj.builder().put("type", "auto").build()).build();
    ContextEntry question = h.user("What is the capital of the UK? Use the tool, then answer.");
    h.server.enqueue(Fixtures.response(FIXTURES + "tool-call-stream-with-usage"));

    var turn1 = (GenerationResult.Completed) adapter.generate(
        ChatHarness.request(1, "openai", "gpt-4o-mini", generation, List.of(question), List.of(tool)), h.call(h.openai()));

    assertThat(h.server.takeRequest().bodyJson()).isEqualTo(recordedRequestWithCacheKey("tool-call-stream-with-usage"));
    String message = "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"call_ZR5UUuTt3pf61kjwAJIYdVMj\",\"type\":\"function\","
        + "\"function\":{\"name\":\"get_capital\",\"arguments\":\"{\\\"country\\\":\\\"UK\\\"}\"}}]}";
    assertThat(turn1.outputs()).hasSize(1);
    ContextItem stored = turn1.outputs().getFirst();
    assertThat(h.read(stored.content())).isEqualTo(message);
    assertThat(stored.kind()).isEqualTo(EntryKind.MESSAGE);
    assertThat(stored.role()).isEqualTo(EntryRole.ASSISTANT);
    assertThat(stored.providerKind()).isEqualTo("openai:completions:message");
    assertThat(stored.preview()).isEqualTo("tool calls: get_capital");
    assertThat(turn1.finishReason()).isEqualTo("tool_calls");
    assertThat(turn1.usage()).isEqualTo(new Usage(53, 15, 0, 0));
    assertThat(turn1.providerResponseId()).isEqualTo("chatcmpl-Dx0XpqH8w09uBXwq1zFGYdETjtnEl");
    assertThat(turn1.toolCalls()).containsExactly(new ToolCall("call_ZR5UUuTt3pf61kjwAJIYdVMj", "get_capital", h.put("{\"country\":\"UK\"}")));
    assertThat(h.read(turn1.response())).isEqualTo("{\"id\":\"chatcmpl-Dx0XpqH8w09uBXwq1zFGYdETjtnEl\",\"object\":\"chat.completion\","
        + "\"created\":1782955817,\"model\":\"gpt-4o-mini-2024-07-18\",\"choices\":[{\"index\":0,\"message\":" + message
        + ",\"finish_reason\":\"tool_calls\"}],\"usage\":{\"prompt_tokens\":53,\"completion_tokens\":15,\"total_tokens\":68,"
        + "\"prompt_tokens_details\":{\"cached_tokens\":0,\"audio_tokens\":0},\"completion_tokens_details\":{\"reasoning_tokens\":0,"
        + "\"audio_tokens\":0,\"accepted_prediction_tokens\":0,\"rejected_prediction_tokens\":0}},\"service_tier\":\"default\","
        + "\"system_fingerprint\":\"fp_d0469e1700\"}");

    h.server.enqueue(Fixtures.response(FIXTURES + "tool-result-continuation-text-stream-with-usage"));
    List<ContextEntry> context = List.of(question, h.output(stored), h.toolResult("call_ZR5UUuTt3pf61kjwAJIYdVMj", "London"));
    var turn2 = (GenerationResult.Completed) adapter.generate(
        ChatHarness.request(2, "openai", "gpt-4o-mini", generation, context, List.of(tool)), h.call(h.openai()));

    RecordedRequest sent = h.server.takeRequest();
    assertThat(sent.bodyText()).contains(",\"messages\":[{\"role\":\"user\",\"content\":\"What is the capital of the UK? Use the tool, then answer.\"},"
        + message + ",{\"role\":\"tool\",\"tool_call_id\":\"call_ZR5UUuTt3pf61kjwAJIYdVMj\",\"content\":\"London\"}],");
    assertThat(sent.bodyJson()).isEqualTo(recordedRequestWithCacheKey("tool-result-continuation-text-stream-with-usage"));
    assertThat(h.read(turn2.outputs().getFirst().content())).isEqualTo("{\"role\":\"assistant\",\"content\":\"The capital of the UK is London.\"}");
    assertThat(turn2.finishReason()).isEqualTo("stop");
    assertThat(turn2.usage()).isEqualTo(new Usage(78, 9, 0, 0));
    assertThat(turn2.toolCalls()).isEmpty();
  }

  @Test
  void parallelToolCallsAreAssembledByIndexAndConsecutiveUserEntriesMerge() throws Exception {
    h.server.enqueue(Fixtures.response(FIXTURES + "parallel-tool-calls-stream-with-usage"));
    String weather = "{\"name\":\"GetWeatherArgs\",\"description\":\"Get the temperature for the given country/city combo\","
        + "\"parameters\":{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}}";
    String stock = "{\"type\":\"function\",\"name\":\"get_stock_price\",\"parameters\":{\"type\":\"object\",\"properties\":{}}}";
    Json.Obj generation = Json.Obj.builder().put("parallelToolUse", true).put("toolChoice", Json.Obj.builder().put("type", "requiredAny").build()).build();
    var request = ChatHarness.request(1, "openai", "gpt-4o-2024-08-06", generation,
        List.of(h.user("What's the weather like in Edinburgh?"), h.user("What's the price of AAPL?")),
        List.of(h.tool("GetWeatherArgs", weather), h.tool("get_stock_price", stock)));

    var done = (GenerationResult.Completed) adapter.generate(request, h.call(h.openai()));

    assertThat(h.server.takeRequest().bodyText()).isEqualTo("{\"model\":\"gpt-4o-2024-08-06\",\"messages\":[{\"role\":\"user\",\"content\":["
        + "{\"type\":\"text\",\"text\":\"What's the weather like in Edinburgh?\"},{\"type\":\"text\",\"text\":\"What's the price of AAPL?\"}]}],"
        + "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"GetWeatherArgs\",\"description\":\"Get the temperature for the given "
        + "country/city combo\",\"parameters\":{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}}},"
        + "{\"type\":\"function\",\"function\":{\"name\":\"get_stock_price\",\"parameters\":{\"type\":\"object\",\"properties\":{}}}}],"
        + "\"tool_choice\":\"required\",\"parallel_tool_calls\":true,\"prompt_cache_key\":\"sess-1\",\"stream\":true,"
        + "\"stream_options\":{\"include_usage\":true}}");
    String weatherArgs = "{\"city\": \"Edinburgh\", \"country\": \"GB\", \"units\": \"c\"}";
    String stockArgs = "{\"ticker\": \"AAPL\", \"exchange\": \"NASDAQ\"}";
    assertThat(done.toolCalls()).containsExactly(
        new ToolCall("call_JMW1whyEaYG438VE1OIflxA2", "GetWeatherArgs", h.put(weatherArgs)),
        new ToolCall("call_DNYTawLBoN8fj3KN6qU9N1Ou", "get_stock_price", h.put(stockArgs)));
    assertThat(h.read(done.outputs().getFirst().content())).isEqualTo("{\"role\":\"assistant\",\"content\":null,\"tool_calls\":["
        + "{\"id\":\"call_JMW1whyEaYG438VE1OIflxA2\",\"type\":\"function\",\"function\":{\"name\":\"GetWeatherArgs\",\"arguments\":"
        + ChatHarness.quote(weatherArgs) + "}},{\"id\":\"call_DNYTawLBoN8fj3KN6qU9N1Ou\",\"type\":\"function\",\"function\":"
        + "{\"name\":\"get_stock_price\",\"arguments\":" + ChatHarness.quote(stockArgs) + "}}]}");
    assertThat(done.outputs().getFirst().preview()).isEqualTo("tool calls: GetWeatherArgs, get_stock_price");
    assertThat(done.finishReason()).isEqualTo("tool_calls");
    assertThat(done.usage()).isEqualTo(new Usage(149, 60, 0, 0));
  }

  @Test
  void aServerAnsweringWithOneJsonCompletionIsUnderstoodAndItsTurnTwoMessagesMatchTheRecording() throws Exception {
    String userCountry = "{\"name\":\"get_user_country\",\"description\":\"\",\"parameters\":{\"additionalProperties\":false,\"properties\":{},\"type\":\"object\"}}";
    String finalResult = "{\"name\":\"final_result\",\"description\":\"The final response which ends this conversation\",\"parameters\":"
        + "{\"properties\":{\"city\":{\"type\":\"string\"},\"country\":{\"type\":\"string\"}},\"required\":[\"city\",\"country\"],\"type\":\"object\"}}";
    List<ToolSpec> tools = List.of(h.tool("get_user_country", userCountry), h.tool("final_result", finalResult));
    Json.Obj generation = Json.Obj.builder().put("toolChoice", Json.Obj.builder().put("type", "requiredAny").build()).build();
    ContextEntry question = h.user("What is the largest city in the user country?");
    h.server.enqueue(Fixtures.response(FIXTURES + "tool-call.turn1"));

    var turn1 = (GenerationResult.Completed) adapter.generate(
        ChatHarness.request(1, "openai", "gpt-4o", generation, List.of(question), tools), h.call(h.openai()));

    Json.Obj sent1 = h.server.takeRequest().bodyJson();
    Json.Obj recorded1 = CanonicalJson.parseObject(new String(Fixtures.requestBody(FIXTURES + "tool-call.turn1"), StandardCharsets.UTF_8));
    assertThat(sent1.get("messages")).isEqualTo(recorded1.get("messages"));
    assertThat(sent1.get("tools")).isEqualTo(recorded1.get("tools"));
    assertThat(sent1.get("tool_choice")).isEqualTo(recorded1.get("tool_choice"));
    ContextItem stored = turn1.outputs().getFirst();
    assertThat(h.read(stored.content())).isEqualTo("{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"call_iXFttys57ap0o16JSlC8yhYo\","
        + "\"type\":\"function\",\"function\":{\"name\":\"get_user_country\",\"arguments\":\"{}\"}}]}");
    assertThat(turn1.toolCalls()).containsExactly(new ToolCall("call_iXFttys57ap0o16JSlC8yhYo", "get_user_country", h.put("{}")));
    assertThat(turn1.usage()).isEqualTo(new Usage(68, 12, 0, 0));
    assertThat(turn1.providerResponseId()).isEqualTo("chatcmpl-BSXk0dWkG4hfPt0lph4oFO35iT73I");

    h.server.enqueue(Fixtures.response(FIXTURES + "tool-call.turn2"));
    var turn2 = (GenerationResult.Completed) adapter.generate(ChatHarness.request(2, "openai", "gpt-4o", generation,
        List.of(question, h.output(stored), h.toolResult("call_iXFttys57ap0o16JSlC8yhYo", "Mexico")), tools), h.call(h.openai()));

    Json.Obj recorded2 = CanonicalJson.parseObject(new String(Fixtures.requestBody(FIXTURES + "tool-call.turn2"), StandardCharsets.UTF_8));
    List<Json> expected = new ArrayList<>(recorded2.array("messages"));
    // the recording's client left out "content" beside tool_calls; we send null, as OpenAI returned it
    Json.Obj.Builder assistant = Json.Obj.builder().put("content", Json.NULL);
    ((Json.Obj) expected.get(1)).members().forEach(assistant::put);
    expected.set(1, assistant.build());
    assertThat(h.server.takeRequest().bodyJson().get("messages")).isEqualTo(new Json.Arr(expected));
    assertThat(turn2.toolCalls()).extracting(ToolCall::name).containsExactly("final_result");
  }

  @Test
  void aSingleToolCallFrom2024IsOneCallWithItsArguments() throws Exception {
    h.server.enqueue(Fixtures.response(FIXTURES + "single-tool-call-stream-2024"));

    var done = (GenerationResult.Completed) adapter.generate(
        ChatHarness.request(1, "openai", "gpt-4o-2024-08-06", Json.Obj.EMPTY, List.of(h.user("What's the weather like in New York?")), List.of()),
        h.call(h.openai()));

    assertThat(done.toolCalls()).containsExactly(new ToolCall("call_4XzlGBLtUe9dy3GVNV4jhq7h", "get_weather", h.put("{\"city\":\"New York City\"}")));
    assertThat(done.finishReason()).isEqualTo("tool_calls");
  }

  @Test
  void imagesAndPdfsBecomeContentPartsOfOneUserMessage() throws Exception {
    h.server.enqueue(ChatScript.create().id("chatcmpl-img").text("A cat.").usage(900, 512, 3, 0).streaming());
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
    byte[] pdf = "%PDF-1.4 tiny".getBytes(StandardCharsets.US_ASCII);
    ContextEntry text = h.user("Describe these.");
    ContextEntry image = h.userFile(png, "image/png");
    ContextEntry document = h.userFile(pdf, "application/pdf");

    var done = (GenerationResult.Completed) adapter.generate(
        ChatHarness.request(1, "openai", "gpt-4o", Json.Obj.EMPTY, List.of(text, image, document), List.of()), h.call(h.openai()));

    assertThat(h.server.takeRequest().bodyText()).isEqualTo("{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":["
        + "{\"type\":\"text\",\"text\":\"Describe these.\"},"
        + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"data:image/png;base64," + Base64.getEncoder().encodeToString(png) + "\"}},"
        + "{\"type\":\"file\",\"file\":{\"filename\":\"document-" + document.id() + ".pdf\",\"file_data\":\"data:application/pdf;base64,"
        + Base64.getEncoder().encodeToString(pdf) + "\"}}]}],"
        + "\"prompt_cache_key\":\"sess-1\",\"stream\":true,\"stream_options\":{\"include_usage\":true}}");
    assertThat(h.read(done.outputs().getFirst().content())).isEqualTo("{\"role\":\"assistant\",\"content\":\"A cat.\"}");
    assertThat(done.usage()).isEqualTo(new Usage(900, 3, 512, 0));
  }

  @Test
  void aUserEntryOfAnUnsupportedMediaTypeIsATerminalUnsupportedError() {
    ContextEntry audio = h.userFile(new byte[] {1, 2}, "audio/wav");
    var request = ChatHarness.request(1, "openai", "gpt-4o", Json.Obj.EMPTY, List.of(audio), List.of());

    assertThatThrownBy(() -> adapter.generate(request, h.call(h.openai())))
        .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.error()).isEqualTo(new ProviderError.Terminal("openai",
            ProviderError.Terminal.Kind.UNSUPPORTED, 0, "", "context entry " + audio.id() + " has media type \"audio/wav\", which Chat "
                + "Completions cannot take (text, image/png, image/jpeg, image/webp, image/gif or application/pdf)")));
    assertThat(h.server.requestCount()).isZero();
  }

  @Test
  void generationSettingsBecomeChatCompletionsFieldsAndNativeToolsPassThrough() throws Exception {
    h.server.enqueue(ChatScript.create().text("ok").streaming());
    Json.Obj generation = Json.Obj.builder()
        .put("maxOutputTokens", 2048)
        .put("parallelToolUse", false)
        .put("reasoningEffort", "low")
        .put("processingTier", "flex")
        .put("toolChoice", Json.Obj.builder().put("type", "specific").put("toolId", "get_capital").build())
        .build();
    List<ToolSpec> tools = List.of(
        h.tool("get_capital", "{\"name\":\"get_capital\",\"description\":\"Capital of a country\",\"parameters\":{\"type\":\"object\"}}"),
        h.tool("local_search", "{\"type\":\"native\",\"apiKind\":\"openai:completions\",\"definition\":{\"type\":\"function\",\"function\":{\"name\":\"local_search\"}}}"),
        h.tool("web_search", "{\"type\":\"native\",\"apiKind\":\"openai:responses\",\"definition\":{\"type\":\"web_search\"}}"));

    adapter.generate(ChatHarness.request(1, "openai", "o4-mini", generation, List.of(h.user("Hi")), tools), h.call(h.openai()));

    assertThat(h.server.takeRequest().bodyText()).isEqualTo("{\"model\":\"o4-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],"
        + "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"get_capital\",\"description\":\"Capital of a country\","
        + "\"parameters\":{\"type\":\"object\"}}},{\"type\":\"function\",\"function\":{\"name\":\"local_search\"}}],"
        + "\"tool_choice\":{\"type\":\"function\",\"function\":{\"name\":\"get_capital\"}},\"parallel_tool_calls\":false,"
        + "\"max_completion_tokens\":2048,\"reasoning_effort\":\"low\",\"service_tier\":\"flex\",\"prompt_cache_key\":\"sess-1\","
        + "\"stream\":true,\"stream_options\":{\"include_usage\":true}}");
  }

  @Test
  void aKeylessLocalProviderGetsNoAuthorizationHeaderAndNoPromptCacheKey() throws Exception {
    h.server.enqueue(ChatScript.create().text("Hello", "!").usage(12, 0, 2, 0).streaming());
    ProviderConfig local = new ProviderConfig("local", h.server.url("/v1"), KeyRing.none(), Map.of());

    var done = (GenerationResult.Completed) adapter.generate(
        ChatHarness.request(1, "local", "qwen3:8b", Json.Obj.EMPTY, List.of(h.instructions("Be brief."), h.user("Hi")), List.of()),
        h.call(local));

    RecordedRequest sent = h.server.takeRequest();
    assertThat(sent.path()).isEqualTo("/v1/chat/completions");
    assertThat(sent.findHeader("Authorization")).isEmpty();
    assertThat(sent.bodyText()).isEqualTo("{\"model\":\"qwen3:8b\",\"messages\":[{\"role\":\"system\",\"content\":\"Be brief.\"},"
        + "{\"role\":\"user\",\"content\":\"Hi\"}],\"stream\":true,\"stream_options\":{\"include_usage\":true}}");
    assertThat(h.read(done.outputs().getFirst().content())).isEqualTo("{\"role\":\"assistant\",\"content\":\"Hello!\"}");
    assertThat(done.usage()).isEqualTo(new Usage(12, 2, 0, 0));
  }

  @Test
  void aKeylessOpenAiProviderIsALocalServerAndGetsNoPromptCacheKey() throws Exception {
    h.server.enqueue(ChatScript.create().text("Hi").streaming());
    ProviderConfig viaBaseUrl = new ProviderConfig("openai", h.server.url("/v1"), KeyRing.none(), Map.of());

    adapter.generate(ChatHarness.request(1, "openai", "llama3", Json.Obj.EMPTY, List.of(h.user("Hi")), List.of()), h.call(viaBaseUrl));

    RecordedRequest sent = h.server.takeRequest();
    assertThat(sent.findHeader("Authorization")).isEmpty();
    assertThat(sent.bodyText()).isEqualTo("{\"model\":\"llama3\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],"
        + "\"stream\":true,\"stream_options\":{\"include_usage\":true}}");
  }

  @Test
  void reasoningContentReachesTheListenerAndIsSentBackWithinTheToolLoopButNotAfterTheNextUserMessage() throws Exception {
    // Servers that think between tool calls (DeepSeek, Kimi) want the loop's reasoning back and refuse or
    // ignore that of earlier exchanges.
    String id = "chatcmpl-r1";
    String stream = ChatHarness.sse(List.of(
        ChatHarness.chunk(id, "{\"role\":\"assistant\",\"content\":null,\"reasoning_content\":\"Think\"}", "null"),
        ChatHarness.chunk(id, "{\"reasoning_content\":\"ing.\"}", "null"),
        ChatHarness.chunk(id, "{\"tool_calls\":[{\"index\":0,\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"ls\",\"arguments\":\"{}\"}}]}",
            "null"),
        ChatHarness.chunk(id, "{}", "\"tool_calls\""),
        "{\"id\":\"chatcmpl-r1\",\"choices\":[],\"usage\":{\"prompt_tokens\":20,\"completion_tokens\":7,\"prompt_tokens_details\":"
            + "{\"cached_tokens\":16},\"completion_tokens_details\":{\"reasoning_tokens\":5}}}")) + "data: [DONE]\n\n";
    ProviderConfig local = new ProviderConfig("local", h.server.url("/v1"), KeyRing.none(), Map.of());
    List<ContextEntry> context = new ArrayList<>(List.of(h.user("List the files.")));
    h.server.enqueue(FakeResponse.sse(stream));
    ChatHarness.RecordingListener live = new ChatHarness.RecordingListener();

    var done = (GenerationResult.Completed) adapter.generate(
        ChatHarness.request(1, "local", "deepseek-chat", Json.Obj.EMPTY, context, List.of()), h.call(local, live, () -> false));

    assertThat(live.reasoning).containsExactly("Think", "ing.");
    String stored = h.read(done.outputs().getFirst().content());
    assertThat(stored).isEqualTo("{\"role\":\"assistant\",\"content\":null,\"reasoning_content\":\"Thinking.\","
        + "\"tool_calls\":[{\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"ls\",\"arguments\":\"{}\"}}]}");
    assertThat(h.read(done.response())).contains("\"message\":{\"role\":\"assistant\",\"content\":null,\"reasoning_content\":\"Thinking.\",");
    assertThat(done.usage()).isEqualTo(new Usage(20, 7, 16, 5));
    h.server.takeRequest();

    context.add(h.output(done.outputs().getFirst()));
    context.add(h.toolResult("call_1", "a.txt"));
    h.server.enqueue(ChatScript.create().text("One file.").streaming());
    adapter.generate(ChatHarness.request(2, "local", "deepseek-chat", Json.Obj.EMPTY, context, List.of()), h.call(local));
    assertThat(h.server.takeRequest().bodyText()).as("within the tool loop the message goes back as stored")
        .contains("{\"role\":\"user\",\"content\":\"List the files.\"}," + stored + ",{\"role\":\"tool\"");

    context.add(h.user("Thanks. And now?"));
    h.server.enqueue(ChatScript.create().text("Done.").streaming());
    adapter.generate(ChatHarness.request(3, "local", "deepseek-chat", Json.Obj.EMPTY, context, List.of()), h.call(local));
    assertThat(h.server.takeRequest().bodyText()).as("after the next user message the reasoning is left out")
        .contains("{\"role\":\"user\",\"content\":\"List the files.\"},{\"role\":\"assistant\",\"content\":null,"
            + "\"tool_calls\":[{\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"ls\",\"arguments\":\"{}\"}}]},{\"role\":\"tool\"")
        .doesNotContain("Thinking.");
  }

  @Test
  void reasoningSentAsReasoningIsStoredUnderThatName() throws Exception {
    String id = "chatcmpl-r2";
    h.server.enqueue(FakeResponse.sse(ChatHarness.sse(List.of(
        ChatHarness.chunk(id, "{\"role\":\"assistant\",\"reasoning\":\"Hmm.\"}", "null"),
        ChatHarness.chunk(id, "{\"content\":\"Yes.\"}", "\"stop\""))) + "data: [DONE]\n\n"));

    var done = (GenerationResult.Completed) adapter.generate(ChatHarness.request(1, "local", "gpt-oss", Json.Obj.EMPTY, List.of(h.user("Hi")), List.of()),
        h.call(new ProviderConfig("local", h.server.url("/v1"), KeyRing.none(), Map.of())));

    assertThat(h.read(done.outputs().getFirst().content())).isEqualTo("{\"role\":\"assistant\",\"content\":\"Yes.\",\"reasoning\":\"Hmm.\"}");
  }

  @Test
  void aStreamThatEndsBeforeDoneIsATransientInterruptedStream() {
    String full = new String(Fixtures.responseBody(FIXTURES + "text-stream-with-usage-2024"), StandardCharsets.UTF_8);
    h.server.enqueue(FakeResponse.sse(full.replace("data: [DONE]\n\n", "")));
    var request = ChatHarness.request(1, "openai", "gpt-4o", Json.Obj.EMPTY, List.of(h.user("Hi")), List.of());

    assertThatThrownBy(() -> adapter.generate(request, h.call(h.openai())))
        .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.error()).isEqualTo(new ProviderError.Transient("openai",
            ProviderError.Transient.Kind.STREAM_INTERRUPTED, 0, "", "the response stream broke: stream ended before [DONE]", Optional.empty())));
  }

  @Test
  void anErrorChunkMidStreamIsClassifiedLikeAnHttpError() {
    String stream = ChatHarness.sse(List.of(
        ChatHarness.chunk("chatcmpl-e", "{\"role\":\"assistant\",\"content\":\"Hel\"}", "null"),
        "{\"error\":{\"message\":\"The server had an error while processing your request.\",\"type\":\"server_error\",\"param\":null,\"code\":null}}"));
    h.server.enqueue(FakeResponse.sse(stream).withHeader("x-request-id", "req_mid"));
    var request = ChatHarness.request(1, "openai", "gpt-4o", Json.Obj.EMPTY, List.of(h.user("Hi")), List.of());

    assertThatThrownBy(() -> adapter.generate(request, h.call(h.openai())))
        .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.error()).isEqualTo(new ProviderError.Transient("openai",
            ProviderError.Transient.Kind.SERVER_ERROR, 0, "req_mid", "The server had an error while processing your request.", Optional.empty())));
  }

  @Test
  void abortingMidStreamReturnsCancelledWithinOneSecond() throws Exception {
    h.server.enqueue(Fixtures.response(FIXTURES + "text-stream-with-usage-2024").hangAfterEvents(5));
    AtomicBoolean aborted = new AtomicBoolean();
    AtomicLong abortedAt = new AtomicLong();
    CountDownLatch firstDelta = new CountDownLatch(1);
    LiveListener live = new LiveListener() {
      @Override
      public void onTextDelta(String session, long turn, String text) {
        firstDelta.countDown();
      }
    };
    Thread.ofVirtual().start(() -> {
      try {
        if (firstDelta.await(5, TimeUnit.SECONDS)) {
          abortedAt.set(System.nanoTime());
          aborted.set(true);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });

    GenerationResult result = adapter.generate(
        ChatHarness.request(7, "openai", "gpt-4o", Json.Obj.EMPTY, List.of(h.user("Hi")), List.of()), h.call(h.openai(), live, aborted::get));
    long elapsedMs = (System.nanoTime() - abortedAt.get()) / 1_000_000;

    assertThat(result).isEqualTo(new GenerationResult.Cancelled(7));
    assertThat(aborted).isTrue();
    assertThat(elapsedMs).isLessThan(1000);
  }

  private static Json.Obj recordedRequestWithCacheKey(String fixture) {
    Json.Obj recorded = CanonicalJson.parseObject(new String(Fixtures.requestBody(FIXTURES + fixture), StandardCharsets.UTF_8));
    Json.Obj.Builder expected = Json.Obj.builder();
    recorded.members().forEach(expected::put);
    return expected.put("prompt_cache_key", "sess-1").build();
  }
}
