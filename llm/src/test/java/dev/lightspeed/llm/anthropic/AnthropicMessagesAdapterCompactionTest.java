package dev.lightspeed.llm.anthropic;

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
import dev.lightspeed.engine.json.Json;
import dev.lightspeed.engine.llm.CompactionRequest;
import dev.lightspeed.engine.llm.CompactionResult;
import dev.lightspeed.engine.llm.GenerationResult;
import dev.lightspeed.engine.llm.ModelRef;
import dev.lightspeed.engine.llm.Usage;
import dev.lightspeed.engine.session.CompactionPolicy;
import dev.lightspeed.testkit.provider.AnthropicScript;
import dev.lightspeed.testkit.provider.FakeResponse;
import dev.lightspeed.testkit.provider.Fixtures;
import dev.lightspeed.testkit.provider.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Standalone (summarizing) compaction and provider-triggered compaction blocks. */
class AnthropicMessagesAdapterCompactionTest {
  private static final ModelRef MODEL = new ModelRef("anthropic", AnthropicMessagesAdapter.API_KIND, "claude-fake");
  private static final CompactionPolicy TRIGGERED = new CompactionPolicy(CompactionPolicy.Mode.PROVIDER_TRIGGERED, 50000, 0);

  private final AnthropicTestBed bed = new AnthropicTestBed();

  @AfterEach
  void tearDown() {
    bed.close();
  }

  private ContextItem stored(EntryKind kind, String type, String json, String callId) {
    return new ContextItem(null, kind, EntryRole.ASSISTANT, bed.put(json), "application/json", "anthropic:messages:" + type, null, 1, callId, false);
  }

  @Test
  void summarizingCallSendsTheContextThenTheInstructionAndReturnsOneSummaryItem() throws Exception {
    String toolUse = "{\"type\":\"tool_use\",\"id\":\"toolu_1\",\"name\":\"read_file\",\"input\":{\"path\":\"src/A.java\"}}";
    List<ContextEntry> context = List.of(
        bed.instructions(1, "Be brief."),
        bed.user(2, "Fix A.java."),
        bed.output(3, 1, stored(EntryKind.TOOL_CALL, "tool_use", toolUse, "toolu_1")),
        bed.toolResult(4, "toolu_1", "class A {}", false));
    bed.server.enqueue(AnthropicScript.create().text("The user wants src/A.java fixed; ", "it holds an empty class A.").usage(500, 60, 100, 0)
        .streaming());

    CompactionResult result = bed.adapter.compact(new CompactionRequest(7, MODEL, new CompactionPolicy(CompactionPolicy.Mode.PROVIDER_STANDALONE,
        1000, 2000), context, context.subList(1, 4)), bed.call());

    RecordedRequest sent = bed.server.takeRequest();
    assertThat(sent.findHeader("anthropic-beta")).isEmpty();
    assertThat(sent.bodyText()).isEqualTo("{\"model\":\"claude-fake\",\"max_tokens\":2000,"
        + "\"system\":[{\"type\":\"text\",\"text\":\"Be brief.\",\"cache_control\":{\"type\":\"ephemeral\"}}],"
        + "\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Fix A.java.\"}]},"
        + "{\"role\":\"assistant\",\"content\":[" + toolUse.substring(0, toolUse.length() - 1) + ",\"cache_control\":{\"type\":\"ephemeral\"}}]},"
        + "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"toolu_1\",\"content\":\"class A {}\"},"
        + "{\"type\":\"text\",\"text\":\"" + AnthropicMessagesAdapter.SUMMARY_INSTRUCTION + "\"}]}],"
        + "\"tools\":[{\"name\":\"read_file\",\"description\":\"A tool called earlier in this conversation; not available now.\","
        + "\"input_schema\":{\"type\":\"object\"},\"cache_control\":{\"type\":\"ephemeral\"}}],"
        + "\"tool_choice\":{\"type\":\"none\"},\"stream\":true}");

    String summary = "Summary of the earlier conversation:\n\nThe user wants src/A.java fixed; it holds an empty class A.";
    assertThat(result).isEqualTo(new CompactionResult.Completed(7, List.of(new ContextItem(null, EntryKind.COMPACTION, EntryRole.USER,
        bed.put(summary), "text/plain", null, "The user wants src/A.java fixed; it holds an empty class A.", summary.length() / 4, null, false)),
        new Usage(600, 60, 100, 0)));
    assertThat(bed.read(((CompactionResult.Completed) result).items().get(0).content())).isEqualTo(summary);
    assertThat(bed.live.text).isEmpty();
  }

  @Test
  void summarizingCallThatReturnsNoTextFails() throws Exception {
    bed.server.enqueue(AnthropicScript.create().id("msg_empty").stopReason("max_tokens").streaming());

    CompactionResult result = bed.adapter.compact(new CompactionRequest(8, MODEL, CompactionPolicy.DISABLED, List.of(bed.user(1, "hi")),
        List.of()), bed.call());

    CompactionResult.Failed failed = (CompactionResult.Failed) result;
    assertThat(failed.message()).isEqualTo("anthropic returned no summary text (stop_reason max_tokens)");
    assertThat(bed.read(failed.reason())).isEqualTo("{\"provider\":\"anthropic\",\"requestId\":\"msg_empty\",\"stopReason\":\"max_tokens\","
        + "\"message\":\"the summarizing call returned no text\"}");
  }

  @Test
  void providerTriggeredCompactionBlockFromTheStreamBecomesACompactionItem() throws Exception {
    JsonNode recorded = recordedRequest("anthropic-messages/compaction-stream");
    List<ContextEntry> context = List.of(bed.instructions(1, recorded.at("/system/0/text").asText()),
        bed.user(2, recorded.at("/messages/0/content/0/text").asText()));
    bed.server.enqueue(Fixtures.response("anthropic-messages/compaction-stream"));

    GenerationResult.Completed done = (GenerationResult.Completed) bed.adapter.generate(request(1, "claude-sonnet-4-6",
        CanonicalJson.parseObject("{\"maxOutputTokens\":4096}"), TRIGGERED, context, List.of()), bed.call());

    RecordedRequest sent = bed.server.takeRequest();
    assertThat(sent.header("anthropic-beta")).isEqualTo("compact-2026-01-12");
    JsonNode body = parse(sent.bodyText());
    assertThat(body.get("context_management")).isEqualTo(recorded.get("context_management"));
    assertThat(body.get("messages")).isEqualTo(recorded.get("messages"));
    assertThat(withoutCacheControl(body.at("/system/0"))).isEqualTo(recorded.at("/system/0"));

    String compaction = "{\"type\":\"compaction\",\"content\":\"The user provided a very long context consisting entirely of the repeated "
        + "sentence \\\"The quick brown fox jumps over the lazy dog.\\\" thousands of times, followed by the instruction \\\"Now say hello.\\\""
        + "\\n\\nThe task is simply to respond to \\\"Now say hello.\\\" - i.e., say hello.\\n\\nNext step: Say hello to the user.\"}";
    assertThat(done.outputs()).extracting(ContextItem::kind).containsExactly(EntryKind.COMPACTION, EntryKind.MESSAGE);
    assertThat(done.outputs().get(0).providerKind()).isEqualTo("anthropic:messages:compaction");
    assertThat(bed.read(done.outputs().get(0).content())).isEqualTo(compaction);
    assertThat(bed.read(done.outputs().get(1).content())).isEqualTo("{\"type\":\"text\",\"text\":\"Hello! 👋\"}");
    assertThat(done.usage()).isEqualTo(new Usage(181, 8, 0, 0));
    JsonNode response = parse(bed.read(done.response()));
    assertThat(response.get("context_management").toString()).isEqualTo("{\"applied_edits\":[]}");
    assertThat(response.at("/usage/iterations/0/type").asText()).isEqualTo("compaction");
    assertThat(response.at("/content/0")).isEqualTo(parse(compaction));
  }

  /**
   * The SDK's fixture file ends its last event with one newline instead of a blank line (real streams always send it), so
   * {@code message_stop} would be discarded as a cut-off event; the test adds the blank line.
   */
  @Test
  void compactionBlockWithEncryptedContentIsAssembledFromItsDelta() throws Exception {
    String sse = new String(Fixtures.responseBody("anthropic-messages/sdk-fixtures/compaction_response"), StandardCharsets.UTF_8);
    assertThat(sse).endsWith("{\"type\":\"message_stop\"}\n");
    bed.server.enqueue(FakeResponse.sse(sse + "\n"));

    GenerationResult.Completed done = (GenerationResult.Completed) bed.adapter.generate(request(1, "claude-opus-4-7", Json.Obj.EMPTY, TRIGGERED,
        List.of(bed.user(1, "hi")), List.of()), bed.call());

    assertThat(bed.read(done.outputs().get(0).content())).isEqualTo("{\"type\":\"compaction\",\"content\":\"Earlier conversation summarized.\","
        + "\"encrypted_content\":\"EpwBCioIDxgCEAEYASJALd_opaque_compaction_payload\"}");
    assertThat(done.outputs().get(0).kind()).isEqualTo(EntryKind.COMPACTION);
    assertThat(done.usage()).isEqualTo(new Usage(30, 8, 0, 0));
    assertThat(bed.live.text).containsExactly("s-anthropic/1:Hello there!");
  }

  @Test
  void compactionBlockIsSentBackAsStoredInTheNextRequest() throws Exception {
    JsonNode recorded1 = recordedRequest("anthropic-messages/compaction.turn1");
    ContextEntry big = bed.user(2, recorded1.at("/messages/0/content/0/text").asText());
    ContextEntry system = bed.instructions(1, "You are a helpful assistant. Be very brief.");
    bed.server.enqueue(Fixtures.response("anthropic-messages/compaction.turn1"));
    GenerationResult.Completed turn1 = (GenerationResult.Completed) bed.adapter.generate(request(1, "claude-sonnet-4-6",
        CanonicalJson.parseObject("{\"maxOutputTokens\":4096}"), TRIGGERED, List.of(system, big), List.of()), bed.call());
    bed.server.takeRequest();
    String compaction = bed.read(turn1.outputs().get(0).content());
    assertThat(turn1.outputs().get(0).kind()).isEqualTo(EntryKind.COMPACTION);
    assertThat(turn1.usage()).isEqualTo(new Usage(220, 8, 0, 0));

    bed.server.enqueue(Fixtures.response("anthropic-messages/compaction.turn2-round-trip"));
    bed.adapter.generate(request(2, "claude-sonnet-4-6", CanonicalJson.parseObject("{\"maxOutputTokens\":4096}"), TRIGGERED,
        List.of(system, big, bed.output(3, 1, turn1.outputs().get(0)), bed.output(4, 1, turn1.outputs().get(1)),
            bed.user(5, "What did I ask you to do?")), List.of()), bed.call());

    JsonNode recorded2 = recordedRequest("anthropic-messages/compaction.turn2-round-trip");
    RecordedRequest sent = bed.server.takeRequest();
    assertThat(sent.bodyText()).contains("{\"role\":\"assistant\",\"content\":[" + compaction + ",");
    JsonNode body = parse(sent.bodyText());
    assertThat(body.at("/messages/0")).isEqualTo(recorded2.at("/messages/0"));
    assertThat(body.at("/messages/1/content/0")).isEqualTo(recorded2.at("/messages/1/content/0"));
    assertThat(withoutCacheControl(body.at("/messages/1/content/1"))).isEqualTo(recorded2.at("/messages/1/content/1"));
    assertThat(body.at("/messages/2")).isEqualTo(recorded2.at("/messages/2"));
    assertThat(body.get("context_management")).isEqualTo(recorded2.get("context_management"));
  }
}
