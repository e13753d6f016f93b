package dev.lightspeed.testkit.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lightspeed.engine.json.CanonicalJson;
import dev.lightspeed.engine.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChatScriptTest {

  @Test
  void aTextStreamHasTheChunkSequenceOfTheRecordings() {
    FakeResponse response = ChatScript.create().text("The", " capital", " is", " London", ".").streaming();

    assertThat(shape(SseParser.parse(response.body())))
        .containsExactly("role+content:empty", "content", "finish:stop", "usage", "[DONE]")
        .isEqualTo(shape(SseParser.fixture("openai-chat-completions/tool-result-continuation-text-stream-with-usage.sse")))
        .isEqualTo(shape(SseParser.fixture("openai-chat-completions/text-stream-with-usage-2024.sse")));
  }

  @Test
  void aToolCallStreamHasTheChunkSequenceOfTheRecording() {
    FakeResponse response = ChatScript.create().toolCall("call_1", "get_capital", "{\"country\":\"UK\"}").streaming();

    assertThat(shape(SseParser.parse(response.body())))
        .containsExactly("role+tool_call#0 start", "tool_call#0", "finish:tool_calls", "usage", "[DONE]")
        .isEqualTo(shape(SseParser.fixture("openai-chat-completions/tool-call-stream-with-usage.sse")));
  }

  @Test
  void parallelToolCallsStreamOneAfterTheOtherKeyedByIndex() {
    FakeResponse response = ChatScript.create()
        .toolCall("call_a", "GetWeatherArgs", "{\"city\": \"Edinburgh\", \"country\": \"UK\", \"units\": \"c\"}")
        .toolCall("call_b", "get_stock_price", "{\"ticker\": \"AAPL\", \"exchange\": \"NASDAQ\"}")
        .streaming();

    // The 2024 recording sends the role in a chunk of its own; current streams put it on the first tool call.
    List<String> recorded = new ArrayList<>(shape(SseParser.fixture("openai-chat-completions/parallel-tool-calls-stream-with-usage.sse")));
    assertThat(recorded.remove(0)).isEqualTo("role");
    recorded.set(0, "role+" + recorded.get(0));
    assertThat(shape(SseParser.parse(response.body()))).isEqualTo(recorded);
    assertThat(arguments(response, 0)).isEqualTo("{\"city\": \"Edinburgh\", \"country\": \"UK\", \"units\": \"c\"}");
    assertThat(arguments(response, 1)).isEqualTo("{\"ticker\": \"AAPL\", \"exchange\": \"NASDAQ\"}");
  }

  @Test
  void chunksHaveTheEnvelopesOfTheRecordingWithoutPadding() {
    List<SseParser.Event> recorded = SseParser.fixture("openai-chat-completions/tool-call-stream-with-usage.sse");
    List<SseParser.Event> scripted = SseParser.parse(ChatScript.create().toolCall("c", "f", "{}").streaming().body());

    assertThat(envelopes(scripted)).isEqualTo(envelopes(recorded)).hasSize(1);
    assertThat(scripted).allSatisfy(event -> assertThat(event.name()).isNull());
    assertThat(scripted.getLast().data()).isEqualTo("[DONE]");
  }

  @Test
  void theFirstChunksAreExactlyTheWireFormat() {
    FakeResponse response = ChatScript.create().id("chatcmpl-1").model("gpt-4o-mini").toolCall("call_1", "f", "{}").streaming();

    assertThat(response.events().get(0)).isEqualTo(
        "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":\"gpt-4o-mini\","
            + "\"service_tier\":\"default\",\"system_fingerprint\":\"fp_fake\",\"choices\":[{\"index\":0,\"delta\":"
            + "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"index\":0,\"id\":\"call_1\",\"type\":\"function\","
            + "\"function\":{\"name\":\"f\",\"arguments\":\"\"}}],\"refusal\":null},\"logprobs\":null,\"finish_reason\":null}],"
            + "\"usage\":null}\n\n");
    assertThat(response.events().getLast()).isEqualTo("data: [DONE]\n\n");
  }

  @Test
  void theUsageChunkCarriesCachedAndReasoningTokens() {
    FakeResponse response = ChatScript.create().text("ok").usage(53, 32, 15, 4).streaming();

    List<SseParser.Event> events = SseParser.parse(response.body());
    Json.Obj usageChunk = events.get(events.size() - 2).json();
    assertThat(usageChunk.array("choices")).isEmpty();
    assertThat(WireJson.write(usageChunk.object("usage"))).isEqualTo(
        "{\"prompt_tokens\":53,\"completion_tokens\":15,\"total_tokens\":68,"
            + "\"prompt_tokens_details\":{\"cached_tokens\":32,\"audio_tokens\":0},"
            + "\"completion_tokens_details\":{\"reasoning_tokens\":4,\"audio_tokens\":0,"
            + "\"accepted_prediction_tokens\":0,\"rejected_prediction_tokens\":0}}");
  }

  @Test
  void aFinishReasonCanBeOverridden() {
    FakeResponse response = ChatScript.create().text("cut").finishReason("length").streaming();

    assertThat(shape(SseParser.parse(response.body()))).contains("finish:length");
  }

  @Test
  void jsonIsTheChatCompletionWithToolCalls() {
    FakeResponse response = ChatScript.create().toolCall("call_iX", "get_user_country", "{}").usage(68, 0, 12, 0).json();

    Json.Obj body = CanonicalJson.parseObject(response.bodyText());
    Json.Obj recorded = CanonicalJson.parseObject(
        new String(Fixtures.responseBody("openai-chat-completions/tool-call.turn1"), StandardCharsets.UTF_8));
    assertThat(body.members().keySet()).containsExactlyInAnyOrderElementsOf(recorded.members().keySet());
    Json.Obj choice = (Json.Obj) body.array("choices").get(0);
    assertThat(choice.string("finish_reason")).isEqualTo("tool_calls");
    assertThat(WireJson.write(choice.object("message"))).isEqualTo(
        "{\"role\":\"assistant\",\"content\":null,\"refusal\":null,\"annotations\":[],\"tool_calls\":[{\"id\":\"call_iX\","
            + "\"type\":\"function\",\"function\":{\"name\":\"get_user_country\",\"arguments\":\"{}\"}}]}");
  }

  @Test
  void jsonTextHasNoToolCalls() {
    Json.Obj body = CanonicalJson.parseObject(ChatScript.create().text("Hello", "!").json().bodyText());

    Json.Obj choice = (Json.Obj) body.array("choices").get(0);
    assertThat(choice.string("finish_reason")).isEqualTo("stop");
    assertThat(choice.object("message").string("content")).isEqualTo("Hello!");
    assertThat(choice.object("message").has("tool_calls")).isFalse();
  }

  /** The distinct top-level key lists of the JSON chunks, {@code obfuscation} left out. */
  private static Set<List<String>> envelopes(List<SseParser.Event> events) {
    Set<List<String>> envelopes = new LinkedHashSet<>();
    for (SseParser.Event event : events) {
      if (event.data().equals("[DONE]")) continue;
      List<String> keys = new ArrayList<>(event.json().members().keySet());
      keys.remove("obfuscation");
      envelopes.add(keys);
    }
    return envelopes;
  }

  private static String arguments(FakeResponse response, int index) {
    StringBuilder arguments = new StringBuilder();
    for (SseParser.Event event : SseParser.parse(response.body())) {
      if (event.data().equals("[DONE]")) continue;
      for (Json choice : event.json().array("choices")) {
        Optional<Json> calls = ((Json.Obj) choice).object("delta").find("tool_calls");
        if (calls.isEmpty()) continue;
        for (Json call : ((Json.Arr) calls.get()).items()) {
          Json.Obj c = (Json.Obj) call;
          if (c.number("index") == index) arguments.append(c.object("function").string("arguments"));
        }
      }
    }
    return arguments.toString();
  }

  /** One label per chunk (what its delta carries), runs of equal labels merged. */
  private static List<String> shape(List<SseParser.Event> events) {
    return SseParser.collapsed(events, ChatScriptTest::label);
  }

  private static String label(SseParser.Event event) {
    if (event.data().equals("[DONE]")) return "[DONE]";
    List<Json> choices = event.json().array("choices");
    if (choices.isEmpty()) return "usage";
    Json.Obj choice = (Json.Obj) choices.get(0);
    Optional<String> finish = choice.findString("finish_reason");
    if (finish.isPresent()) return "finish:" + finish.get();
    Json.Obj delta = choice.object("delta");
    List<String> parts = new ArrayList<>();
    if (delta.has("role")) parts.add("role");
    if (delta.has("content")) parts.add(delta.string("content").isEmpty() ? "content:empty" : "content");
    if (delta.has("tool_calls")) {
      for (Json call : delta.array("tool_calls")) {
        Json.Obj c = (Json.Obj) call;
        parts.add("tool_call#" + c.number("index") + (c.has("id") ? " start" : ""));
      }
    }
    return String.join("+", parts);
  }
}
