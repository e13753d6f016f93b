package dev.lightspeed.llm.openai.responses;

import static dev.lightspeed.llm.openai.responses.ResponsesHarness.parse;
import static dev.lightspeed.llm.openai.responses.ResponsesHarness.request;
import static dev.lightspeed.llm.openai.responses.ResponsesHarness.without;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lightspeed.engine.context.ContextEntry;
import dev.lightspeed.engine.context.ContextItem;
import dev.lightspeed.engine.context.EntryKind;
import dev.lightspeed.engine.context.EntryRole;
import dev.lightspeed.engine.llm.CompactionRequest;
import dev.lightspeed.engine.llm.CompactionResult;
import dev.lightspeed.engine.llm.ModelRef;
import dev.lightspeed.engine.llm.Usage;
import dev.lightspeed.engine.session.CompactionPolicy;
import dev.lightspeed.llm.json.RawJson;
import dev.lightspeed.testkit.provider.Fixtures;
import dev.lightspeed.testkit.provider.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Standalone compaction ({@code POST /responses/compact}) of {@link OpenAiResponsesAdapter}. */
class OpenAiResponsesCompactionTest {
  private static final CompactionPolicy STANDALONE = new CompactionPolicy(CompactionPolicy.Mode.PROVIDER_STANDALONE, 100, 0);

  private final ResponsesHarness h = new ResponsesHarness();

  @AfterEach
  void closeServer() {
    h.close();
  }

  @Test
  void standaloneCompactionPostsTheWholeContextAndReturnsTheOutputItemsAsReceived() throws Exception {
    String id = "openai-responses/compact-standalone.step3-compact";
    h.server.enqueue(Fixtures.response(id));
    List<ContextEntry> context = mathConversation();

    CompactionResult result = h.adapter.compact(new CompactionRequest(7, new ModelRef("openai", "openai:responses", "gpt-4o-mini"), STANDALONE,
        context, context.subList(1, context.size())), h.call());

    RecordedRequest sent = h.server.takeRequest();
    assertThat(sent.path()).isEqualTo("/v1/responses/compact");
    assertThat(sent.header("Authorization")).isEqualTo("Bearer sk-test-key-1");
    assertThat(sent.bodyText()).isEqualTo("{\"model\":\"gpt-4o-mini\",\"instructions\":\"You are a helpful math assistant. Give short answers.\","
        + "\"input\":[{\"type\":\"message\",\"role\":\"user\",\"content\":[{\"type\":\"input_text\",\"text\":\"What is 2+2?\"}]},"
        + "{\"type\":\"message\",\"role\":\"assistant\",\"content\":\"2 + 2 = 4.\"},"
        + "{\"type\":\"message\",\"role\":\"user\",\"content\":[{\"type\":\"input_text\",\"text\":\"And 3+3?\"}]},"
        + "{\"type\":\"message\",\"role\":\"assistant\",\"content\":\"3 + 3 = 6.\"}],\"prompt_cache_key\":\"ses_01test\"}");
    JsonNode recorded = parse(new String(Fixtures.requestBody(id), StandardCharsets.UTF_8));
    JsonNode input = parse(sent.bodyText()).get("input");
    assertThat(parse(sent.bodyText()).get("instructions")).isEqualTo(recorded.get("instructions"));
    assertThat(without(input.get(1), "type")).isEqualTo(recorded.get("input").get(1));
    assertThat(without(input.get(3), "type")).isEqualTo(recorded.get("input").get(3));

    CompactionResult.Completed done = (CompactionResult.Completed) result;
    assertThat(done.compaction()).isEqualTo(7);
    assertThat(done.usage()).isEqualTo(new Usage(156, 190, 0, 0));
    assertThat(done.items()).extracting(ContextItem::kind, ContextItem::role, ContextItem::mediaType, ContextItem::providerKind, ContextItem::preview)
        .containsExactly(
            tuple(EntryKind.MESSAGE, EntryRole.USER, "application/json", "openai:responses:message", "What is 2+2?"),
            tuple(EntryKind.MESSAGE, EntryRole.USER, "application/json", "openai:responses:message", "And 3+3?"),
            tuple(EntryKind.COMPACTION, EntryRole.ASSISTANT, "application/json", "openai:responses:compaction", null));
    String body = new String(Fixtures.responseBody(id), StandardCharsets.UTF_8);
    assertThat(done.items()).extracting(i -> h.text(i.content())).containsExactlyElementsOf(RawJson.arrayMember(body, "output"));
    for (ContextItem item : done.items()) assertThat(body).contains(h.text(item.content()));
  }

  @Test
  void specExampleCompactionReportsReasoningTokensAndKeepsTheCompactionItem() throws Exception {
    h.server.enqueue(Fixtures.response("openai-responses/spec-compact"));

    CompactionResult.Completed done = (CompactionResult.Completed) h.adapter.compact(new CompactionRequest(3,
        new ModelRef("openai", "openai:responses", "gpt-5.1-codex-max"), STANDALONE, List.of(h.user("a landing page")), List.of()), h.call());

    assertThat(done.usage()).isEqualTo(new Usage(139, 438, 0, 64));
    assertThat(done.items()).extracting(ContextItem::kind, ContextItem::role).containsExactly(
        tuple(EntryKind.MESSAGE, EntryRole.USER), tuple(EntryKind.COMPACTION, EntryRole.ASSISTANT));
    assertThat(parse(h.text(done.items().get(1).content())).get("encrypted_content").asText()).isEqualTo("gAAAAABpM0Yj-...=");
  }

  @Test
  void compactedItemsAreSentBackVerbatimOnTheNextTurn() throws Exception {
    h.server.enqueue(Fixtures.response("openai-responses/compact-standalone.step3-compact"));
    List<ContextEntry> context = mathConversation();
    CompactionResult.Completed compacted = (CompactionResult.Completed) h.adapter.compact(new CompactionRequest(7,
        new ModelRef("openai", "openai:responses", "gpt-4o-mini"), STANDALONE, context, context.subList(1, context.size())), h.call());
    h.server.takeRequest();
    List<ContextEntry> next = new ArrayList<>(List.of(context.get(0)));
    next.addAll(h.placed(compacted.items()));
    next.add(h.user("And 4+4?"));
    h.server.enqueue(Fixtures.response("openai-responses/text-stream"));

    h.adapter.generate(request("gpt-4o-mini", next), h.call());

    List<String> input = RawJson.arrayMember(h.server.takeRequest().bodyText(), "input");
    assertThat(input.subList(0, 3)).containsExactlyElementsOf(compacted.items().stream().map(i -> h.text(i.content())).toList());
    assertThat(input.get(3)).isEqualTo("{\"type\":\"message\",\"role\":\"user\",\"content\":[{\"type\":\"input_text\",\"text\":\"And 4+4?\"}]}");
  }

  @Test
  void abortedCompactionThrowsCancellation() throws Exception {
    h.server.enqueue(Fixtures.response("openai-responses/spec-compact").delayBeforeHeaders(Duration.ofSeconds(5)));
    Thread aborter = Thread.ofVirtual().start(() -> {
      h.server.takeRequest();
      h.aborted.set(true);
    });

    assertThatThrownBy(() -> h.adapter.compact(new CompactionRequest(3, new ModelRef("openai", "openai:responses", "gpt-5"), STANDALONE,
        List.of(h.user("hi")), List.of()), h.call())).isInstanceOf(CancellationException.class);
    aborter.join();
  }

  private List<ContextEntry> mathConversation() {
    return List.of(
        h.instructions("You are a helpful math assistant. Give short answers."),
        h.user("What is 2+2?"),
        h.message(EntryKind.MESSAGE, EntryRole.ASSISTANT, "text/plain", "2 + 2 = 4.".getBytes(StandardCharsets.UTF_8)),
        h.user("And 3+3?"),
        h.message(EntryKind.MESSAGE, EntryRole.ASSISTANT, "text/plain", "3 + 3 = 6.".getBytes(StandardCharsets.UTF_8)));
  }
}
