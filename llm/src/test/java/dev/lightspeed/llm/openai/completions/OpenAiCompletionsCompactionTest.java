package dev.lightspeed.llm.openai.completions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeed.engine.context.ContextEntry;
import dev.lightspeed.engine.context.ContextItem;
import dev.lightspeed.engine.context.EntryKind;
import dev.lightspeed.engine.context.EntryRole;
import dev.lightspeed.engine.json.Json;
import dev.lightspeed.engine.llm.CompactionRequest;
import dev.lightspeed.engine.llm.CompactionResult;
import dev.lightspeed.engine.llm.ModelRef;
import dev.lightspeed.engine.llm.Usage;
import dev.lightspeed.engine.session.CompactionPolicy;
import dev.lightspeed.llm.LiveListener;
import dev.lightspeed.llm.ProviderError;
import dev.lightspeed.llm.ProviderException;
import dev.lightspeed.testkit.provider.ChatScript;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link OpenAiCompletionsAdapter#compact}: the summarising call, and how its summary is sent back later. */
class OpenAiCompletionsCompactionTest {
  private final ChatHarness h = new ChatHarness();
  private final OpenAiCompletionsAdapter adapter = new OpenAiCompletionsAdapter();

  @AfterEach
  void tearDown() {
    h.close();
  }

  @Test
  void compactionAsksForASummaryOfTheContextAndReturnsOneUserSummaryItem() throws Exception {
    h.server.enqueue(ChatScript.create().text("The user asked for the UK capital; ", "it is London.").usage(300, 0, 25, 0).streaming());
    ContextEntry instructions = h.instructions("You are terse.");
    ContextEntry question = h.user("What is the capital of the UK?");
    ContextEntry answer = h.output(new ContextItem(null, EntryKind.MESSAGE, EntryRole.ASSISTANT,
        h.put("{\"role\":\"assistant\",\"content\":\"London.\"}"), "application/json", "openai:completions:message", "London.", 9, null, false));
    var request = new CompactionRequest(4, new ModelRef("openai", "openai:completions", "gpt-4o-mini"),
        new CompactionPolicy(CompactionPolicy.Mode.PROVIDER_STANDALONE, 100_000, 2_000), List.of(instructions, question, answer),
        List.of(question, answer));

    CompactionResult result = adapter.compact(request, h.call(h.openai()));

    assertThat(h.server.takeRequest().bodyText()).isEqualTo("{\"model\":\"gpt-4o-mini\",\"messages\":["
        + "{\"role\":\"system\",\"content\":\"You are terse.\"},{\"role\":\"user\",\"content\":\"What is the capital of the UK?\"},"
        + "{\"role\":\"assistant\",\"content\":\"London.\"},{\"role\":\"user\",\"content\":\"Write a concise summary of the conversation so far, "
        + "to replace it in the context of the assistant that continues this work. Keep every decision made and why, the tasks still open "
        + "and the next step, the file paths, identifiers, commands and facts needed to continue, and any constraints the user set. Leave "
        + "out pleasantries and repeated material. Answer with the summary only. Keep it under about 2000 tokens.\"}],"
        + "\"prompt_cache_key\":\"sess-1\",\"stream\":true,\"stream_options\":{\"include_usage\":true}}");
    String summary = "Summary of the earlier conversation:\n\nThe user asked for the UK capital; it is London.";
    var done = (CompactionResult.Completed) result;
    assertThat(done.compaction()).isEqualTo(4);
    assertThat(done.usage()).isEqualTo(new Usage(300, 25, 0, 0));
    assertThat(done.items()).containsExactly(new ContextItem(null, EntryKind.COMPACTION, EntryRole.USER, h.put(summary), "text/plain", null,
        "The user asked for the UK capital; it is London.", (summary.length() + 3) / 4, null, false));
    assertThat(h.read(done.items().getFirst().content())).isEqualTo(summary);
  }

  @Test
  void aSummarizingCallLeavesOutReasoningEvenFromTheCurrentToolLoop() throws Exception {
    // The summary request ends with a user message, so no stored message is in a tool loop any more.
    h.server.enqueue(ChatScript.create().text("Listed the files.").streaming());
    ContextEntry question = h.user("List the files.");
    ContextEntry call = h.output(new ContextItem(null, EntryKind.MESSAGE, EntryRole.ASSISTANT,
        h.put("{\"role\":\"assistant\",\"content\":null,\"reasoning_content\":\"Use ls.\",\"tool_calls\":[{\"id\":\"call_1\",\"type\":\"function\","
            + "\"function\":{\"name\":\"ls\",\"arguments\":\"{}\"}}]}"), "application/json", "openai:completions:message", "ls", 9, null, false));
    ContextEntry result = h.toolResult("call_1", "a.txt");
    var request = new CompactionRequest(2, new ModelRef("local", "openai:completions", "deepseek-reasoner"), CompactionPolicy.DISABLED,
        List.of(question, call, result), List.of(question, call, result));

    adapter.compact(request, h.call(h.openai()));

    assertThat(h.server.takeRequest().bodyText()).contains("{\"role\":\"user\",\"content\":\"List the files.\"},"
        + "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"ls\","
        + "\"arguments\":\"{}\"}}]},{\"role\":\"tool\",\"tool_call_id\":\"call_1\",\"content\":\"a.txt\"},{\"role\":\"user\"")
        .doesNotContain("Use ls.");
  }

  @Test
  void anAbortedCompactionThrowsCancellationWithoutSending() {
    var request = new CompactionRequest(4, new ModelRef("openai", "openai:completions", "gpt-4o-mini"), CompactionPolicy.DISABLED,
        List.of(h.user("Hi")), List.of());

    assertThatThrownBy(() -> adapter.compact(request, h.call(h.openai(), LiveListener.NONE, () -> true)))
        .isInstanceOf(CancellationException.class);
    assertThat(h.server.requestCount()).isZero();
  }

  @Test
  void anEmptySummaryIsATransientServerError() {
    h.server.enqueue(ChatScript.create().id("chatcmpl-empty").text("").streaming());
    var request = new CompactionRequest(4, new ModelRef("openai", "openai:completions", "gpt-4o-mini"), CompactionPolicy.DISABLED,
        List.of(h.user("Hi")), List.of());

    assertThatThrownBy(() -> adapter.compact(request, h.call(h.openai())))
        .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.error()).isEqualTo(new ProviderError.Transient("openai",
            ProviderError.Transient.Kind.SERVER_ERROR, 0, "",
            "the model returned an empty summary (response chatcmpl-empty, finish reason \"stop\")",
            Optional.empty())));
  }

  @Test
  void aCompactionSummaryIsReplayedAsAUserMessage() throws Exception {
    h.server.enqueue(ChatScript.create().text("Yes.").streaming());
    ContextEntry summary = h.output(new ContextItem(null, EntryKind.COMPACTION, EntryRole.USER,
        h.put("Summary of the earlier conversation:\n\nLondon."), "text/plain", null, "London.", 10, null, false));

    adapter.generate(ChatHarness.request(5, "openai", "gpt-4o-mini", Json.Obj.EMPTY, List.of(summary, h.user("Right?")), List.of()),
        h.call(h.openai()));

    assertThat(h.server.takeRequest().bodyText()).startsWith("{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":["
        + "{\"type\":\"text\",\"text\":\"Summary of the earlier conversation:\\n\\nLondon.\"},{\"type\":\"text\",\"text\":\"Right?\"}]}],");
  }
}
