package dev.lightspeed.llm.openai.completions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeed.engine.llm.Usage;
import dev.lightspeed.llm.ProviderError;
import dev.lightspeed.llm.ProviderException;
import dev.lightspeed.llm.TurnDeltas;
import dev.lightspeed.llm.http.SseEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChatStreamReducerTest {
  private final List<String> text = new ArrayList<>();
  private final List<String> reasoning = new ArrayList<>();
  private final ChatStreamReducer reducer = new ChatStreamReducer("local", "req_1", new TurnDeltas() {
    @Override
    public void text(String delta) {
      text.add(delta);
    }

    @Override
    public void reasoning(String delta) {
      reasoning.add(delta);
    }
  });

  @Test
  void toolCallFragmentsWithoutAnIndexAreJoinedByIdAndANewIdStartsANewCall() throws Exception {
    feed("{\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"id\":\"a\",\"type\":\"function\",\"function\":{\"name\":\"read\",\"arguments\":\"{\\\"p\\\":\"}}]}}]}",
        "{\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"function\":{\"arguments\":\"1}\"}}]}}]}",
        "{\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"id\":\"b\",\"function\":{\"name\":\"list\",\"arguments\":\"{}\"}}]}}]}",
        "{\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"tool_calls\"}]}");

    ChatCompletion done = reducer.finish("call_1_");

    assertThat(done.toolCalls()).containsExactly(
        new ChatCompletion.ToolCallPart("a", "function", "read", "{\"p\":1}"),
        new ChatCompletion.ToolCallPart("b", "function", "list", "{}"));
    assertThat(done.content()).isNull();
    assertThat(done.finishReason()).isEqualTo("tool_calls");
  }

  @Test
  void aToolCallWithoutAnIdGetsOneFromThePrefixAndItsIndex() throws Exception {
    feed("{\"id\":\"c2\",\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":3,\"function\":{\"name\":\"now\",\"arguments\":\"\"}}]}}]}");

    assertThat(reducer.finish("call_9_").toolCalls()).containsExactly(new ChatCompletion.ToolCallPart("call_9_3", "function", "now", ""));
  }

  @Test
  void refusalDeltasAreJoinedAndKeptInTheMessage() throws Exception {
    feed("{\"id\":\"c3\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":null,\"refusal\":\"I can't\"}}]}",
        "{\"id\":\"c3\",\"choices\":[{\"index\":0,\"delta\":{\"refusal\":\" help with that.\"},\"finish_reason\":\"stop\"}]}");

    ChatCompletion done = reducer.finish("call_");

    assertThat(new String(done.messageJson(), StandardCharsets.UTF_8))
        .isEqualTo("{\"role\":\"assistant\",\"content\":\"\",\"refusal\":\"I can't help with that.\"}");
    assertThat(text).isEmpty();
  }

  @Test
  void reasoningUnderEitherFieldNameGoesToTheReasoningSink() throws Exception {
    feed("{\"id\":\"c4\",\"choices\":[{\"index\":0,\"delta\":{\"reasoning\":\"Hmm\"}}]}",
        "{\"id\":\"c4\",\"choices\":[{\"index\":0,\"delta\":{\"reasoning_content\":\", ok\"}}]}",
        "{\"id\":\"c4\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Yes\"},\"finish_reason\":\"stop\"}]}");

    ChatCompletion done = reducer.finish("call_");

    assertThat(reasoning).containsExactly("Hmm", ", ok");
    assertThat(text).containsExactly("Yes");
    assertThat(done.reasoning()).isEqualTo("Hmm, ok");
  }

  @Test
  void theLastUsageObjectWinsAndNullUsageIsIgnored() throws Exception {
    feed("{\"id\":\"c5\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"}}],\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":1}}",
        "{\"id\":\"c5\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"b\"},\"finish_reason\":\"stop\"}],\"usage\":null}",
        "{\"id\":\"c5\",\"choices\":[],\"usage\":{\"prompt_tokens\":5, \"completion_tokens\":2}}");

    ChatCompletion done = reducer.finish("call_");

    assertThat(done.usage()).isEqualTo(new Usage(5, 2, 0, 0));
    assertThat(done.usageJson()).isEqualTo("{\"prompt_tokens\":5, \"completion_tokens\":2}");
    assertThat(done.content()).isEqualTo("ab");
  }

  @Test
  void aNonStreamedCompletionFoldsLikeOneChunk() throws Exception {
    feed("{\"id\":\"c6\",\"object\":\"chat.completion\",\"created\":7,\"model\":\"m\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
        + "\"content\":null,\"tool_calls\":[{\"id\":\"t\",\"type\":\"function\",\"function\":{\"name\":\"f\",\"arguments\":\"{}\"}}]},"
        + "\"finish_reason\":\"tool_calls\"}],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":4}}");

    ChatCompletion done = reducer.finish("call_");

    assertThat(done.toolCalls()).containsExactly(new ChatCompletion.ToolCallPart("t", "function", "f", "{}"));
    assertThat(done.id()).isEqualTo("c6");
    assertThat(done.created()).isEqualTo(7);
    assertThat(done.usage()).isEqualTo(new Usage(3, 4, 0, 0));
  }

  @Test
  void anErrorEventWithAStringErrorIsATransientServerError() {
    assertThatThrownBy(() -> reducer.accept(new SseEvent("error", "{\"error\":\"model crashed\"}", null)))
        .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.error()).isEqualTo(new ProviderError.Transient("local",
            ProviderError.Transient.Kind.SERVER_ERROR, 0, "req_1", "model crashed", Optional.empty())));
  }

  @Test
  void anErrorChunkWithAContextLengthCodeIsTerminal() {
    assertThatThrownBy(() -> feed("{\"error\":{\"message\":\"too long\",\"type\":\"invalid_request_error\",\"code\":\"context_length_exceeded\"}}"))
        .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.error()).isEqualTo(new ProviderError.Terminal("local",
            ProviderError.Terminal.Kind.CONTEXT_LENGTH_EXCEEDED, 0, "req_1", "too long")));
  }

  @Test
  void aMalformedChunkIsAnInterruptedStreamQuotingIt() {
    assertThatThrownBy(() -> feed("{\"id\":\"c7\",\"choices\":["))
        .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.error()).isEqualTo(new ProviderError.Transient("local",
            ProviderError.Transient.Kind.STREAM_INTERRUPTED, 0, "", "the response stream broke: malformed stream chunk: {\"id\":\"c7\",\"choices\":[",
            Optional.empty())));
  }

  private void feed(String... chunks) throws ProviderException {
    for (String chunk : chunks) reducer.accept(new SseEvent("message", chunk, null));
  }
}
