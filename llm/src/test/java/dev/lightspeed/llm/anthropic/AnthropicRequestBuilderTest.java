package dev.lightspeed.llm.anthropic;

import static dev.lightspeed.llm.anthropic.AnthropicTestBed.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeed.engine.context.ContextEntry;
import dev.lightspeed.engine.context.ContextItem;
import dev.lightspeed.engine.context.EntryKind;
import dev.lightspeed.engine.context.EntryRole;
import dev.lightspeed.engine.context.EntrySource;
import dev.lightspeed.engine.json.CanonicalJson;
import dev.lightspeed.engine.session.CompactionPolicy;
import dev.lightspeed.engine.tool.ToolSpec;
import dev.lightspeed.llm.ProviderError;
import dev.lightspeed.llm.ProviderException;
import dev.lightspeed.testkit.provider.AnthropicScript;
import dev.lightspeed.testkit.provider.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The request bodies the adapter sends, checked whole over real HTTP against the fake provider. */
class AnthropicRequestBuilderTest {
  private static final String CACHE = ",\"cache_control\":{\"type\":\"ephemeral\"}";

  private final AnthropicTestBed bed = new AnthropicTestBed();

  @AfterEach
  void tearDown() {
    bed.close();
  }

  private RecordedRequest send(List<ContextEntry> context, List<ToolSpec> tools, String generation, CompactionPolicy policy) throws ProviderException {
    bed.server.enqueue(AnthropicScript.create().text("ok").streaming());
    bed.adapter.generate(request(3, "claude-fake", CanonicalJson.parseObject(generation), policy, context, tools), bed.call());
    return bed.server.takeRequest();
  }

  private ContextItem storedText(String text) {
    String block = "{\"type\":\"text\",\"text\":\"" + text + "\"}";
    return new ContextItem(null, EntryKind.MESSAGE, EntryRole.ASSISTANT, bed.put(block), "application/json", "anthropic:messages:text", text, 1, null, false);
  }

  @Test
  void cacheBreakpointsSitOnTheLastToolTheLastSystemBlockAndTheAssistantMessageBeforeTheNewInput() throws Exception {
    List<ContextEntry> context = List.of(
        bed.instructions(1, "You are terse."),
        bed.instructions(2, "Project rules."),
        bed.user(3, "hi"),
        bed.output(4, 1, storedText("hello")),
        bed.user(5, "next"),
        bed.output(6, 2, storedText("sure")),
        bed.user(7, "and now?"));
    List<ToolSpec> tools = List.of(
        bed.function("alpha", "First tool.", "{\"type\":\"object\",\"properties\":{\"n\":{\"type\":\"integer\"}}}"),
        bed.nativeTool("web_search", "{\"type\":\"web_search_20250305\",\"name\":\"web_search\",\"max_uses\":3}"));

    RecordedRequest sent = send(context, tools, "{}", CompactionPolicy.DISABLED);

    assertThat(sent.bodyText()).isEqualTo("{\"model\":\"claude-fake\",\"max_tokens\":8192,"
        + "\"system\":[{\"type\":\"text\",\"text\":\"You are terse.\"},{\"type\":\"text\",\"text\":\"Project rules.\"" + CACHE + "}],"
        + "\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"hi\"}]},"
        + "{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"hello\"}]},"
        + "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"next\"}]},"
        + "{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"sure\"" + CACHE + "}]},"
        + "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"and now?\"}]}],"
        + "\"tools\":[{\"name\":\"alpha\",\"description\":\"First tool.\",\"input_schema\":{\"type\":\"object\",\"properties\":{\"n\":{\"type\":\"integer\"}}}},"
        + "{\"type\":\"web_search_20250305\",\"name\":\"web_search\",\"max_uses\":3" + CACHE + "}],"
        + "\"stream\":true}");
  }

  @Test
  void webSearchBlocksFromAnEarlierTurnAreSentBackAsStoredInTheAssistantMessage() throws Exception {
    String use = "{\"type\":\"server_tool_use\",\"id\":\"srvtoolu_9\",\"name\":\"web_search\",\"input\":{\"query\":\"fox  speed\"}}";
    String result = "{\"type\":\"web_search_tool_result\",\"tool_use_id\":\"srvtoolu_9\",\"content\":[{\"type\":\"web_search_result\","
        + "\"url\":\"https://e.x/\",\"title\":\"Fox\",\"encrypted_content\":\"Eq0=\"}]}";
    List<ContextEntry> context = List.of(
        bed.user(1, "how fast is a fox?"),
        bed.output(2, 1, opaque(use, "server_tool_use")),
        bed.output(3, 1, opaque(result, "web_search_tool_result")),
        bed.output(4, 1, storedText("About 50 km/h.")),
        bed.user(5, "and a hare?"));

    RecordedRequest sent = send(context, List.of(bed.nativeTool("web_search",
        "{\"blocked_domains\":[\"ads.e.x\"],\"name\":\"web_search\",\"type\":\"web_search_20250305\"}")), "{}", CompactionPolicy.DISABLED);

    assertThat(sent.bodyText()).isEqualTo("{\"model\":\"claude-fake\",\"max_tokens\":8192,\"messages\":["
        + "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"how fast is a fox?\"}]},"
        + "{\"role\":\"assistant\",\"content\":[" + use + "," + result + ",{\"type\":\"text\",\"text\":\"About 50 km/h.\"" + CACHE + "}]},"
        + "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"and a hare?\"}]}],"
        + "\"tools\":[{\"blocked_domains\":[\"ads.e.x\"],\"name\":\"web_search\",\"type\":\"web_search_20250305\"" + CACHE + "}],"
        + "\"stream\":true}");
  }

  private ContextItem opaque(String json, String type) {
    return new ContextItem(null, EntryKind.PROVIDER_OPAQUE, EntryRole.ASSISTANT, bed.put(json), "application/json", "anthropic:messages:" + type,
        type, 1, null, false);
  }

  @Test
  void thinkingBlocksNeverCarryTheBreakpoint() throws Exception {
    ContextItem thinking = new ContextItem(null, EntryKind.REASONING_STATE, EntryRole.ASSISTANT,
        bed.put("{\"type\":\"thinking\",\"thinking\":\"hm\",\"signature\":\"s\"}"), "application/json", "anthropic:messages:thinking", "hm", 1, null, false);

    RecordedRequest onlyThinking = send(List.of(bed.user(1, "q"), bed.output(2, 1, thinking), bed.user(3, "go on")), List.of(), "{}",
        CompactionPolicy.DISABLED);
    RecordedRequest textThenThinking = send(List.of(bed.user(1, "q"), bed.output(2, 1, storedText("a")), bed.output(3, 1, thinking),
        bed.user(4, "go on")), List.of(), "{}", CompactionPolicy.DISABLED);

    assertThat(onlyThinking.bodyText()).doesNotContain("cache_control");
    assertThat(textThenThinking.bodyText()).contains("{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"a\"" + CACHE + "},"
        + "{\"type\":\"thinking\",\"thinking\":\"hm\",\"signature\":\"s\"}]}");
  }

  @Test
  void imageAndPdfInputsBecomeBase64SourceBlocksInTheUserMessage() throws Exception {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};
    byte[] pdf = "%PDF-1.4\n%âãÏÓ\n".getBytes(StandardCharsets.ISO_8859_1);

    RecordedRequest sent = send(List.of(bed.user(1, "Describe both."), bed.userBytes(2, "image/png", png), bed.userBytes(3, "application/pdf", pdf)),
        List.of(), "{}", CompactionPolicy.DISABLED);

    assertThat(sent.bodyText()).isEqualTo("{\"model\":\"claude-fake\",\"max_tokens\":8192,\"messages\":[{\"role\":\"user\",\"content\":["
        + "{\"type\":\"text\",\"text\":\"Describe both.\"},"
        + "{\"type\":\"image\",\"source\":{\"type\":\"base64\",\"media_type\":\"image/png\",\"data\":\"" + Base64.getEncoder().encodeToString(png) + "\"}},"
        + "{\"type\":\"document\",\"source\":{\"type\":\"base64\",\"media_type\":\"application/pdf\",\"data\":\"" + Base64.getEncoder().encodeToString(pdf) + "\"}}"
        + "]}],\"stream\":true}");
  }

  @Test
  void settingsAndProviderTriggeredCompactionShapeTheRequestAndAddTheBetaHeader() throws Exception {
    List<ToolSpec> tools = List.of(bed.function("alpha", "A.", "{\"type\":\"object\"}"));
    String generation = "{\"reasoningEffort\":\"medium\",\"toolChoice\":{\"type\":\"auto\"},\"parallelToolUse\":false}";

    RecordedRequest sent = send(List.of(bed.user(1, "x")), tools, generation, new CompactionPolicy(CompactionPolicy.Mode.PROVIDER_TRIGGERED, 50000, 0));

    assertThat(sent.header("anthropic-beta")).isEqualTo("compact-2026-01-12");
    assertThat(sent.bodyText()).isEqualTo("{\"model\":\"claude-fake\",\"max_tokens\":16384,"
        + "\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"x\"}]}],"
        + "\"tools\":[{\"name\":\"alpha\",\"description\":\"A.\",\"input_schema\":{\"type\":\"object\"}" + CACHE + "}],"
        + "\"tool_choice\":{\"type\":\"auto\",\"disable_parallel_tool_use\":true},"
        + "\"thinking\":{\"type\":\"enabled\",\"budget_tokens\":8192},"
        + "\"context_management\":{\"edits\":[{\"type\":\"compact_20260112\",\"trigger\":{\"type\":\"input_tokens\",\"value\":50000}}]},"
        + "\"stream\":true}");
  }

  @Test
  void aToolChoiceThatForcesToolUseIsSentWithoutThinkingWhichTheApiCannotCombineWithIt() throws Exception {
    List<ToolSpec> tools = List.of(bed.function("alpha", "A.", "{\"type\":\"object\"}"));

    RecordedRequest specific = send(List.of(bed.user(1, "x")), tools,
        "{\"reasoningEffort\":\"medium\",\"toolChoice\":{\"type\":\"specific\",\"toolId\":\"alpha\"},\"parallelToolUse\":false}",
        CompactionPolicy.DISABLED);
    RecordedRequest any = send(List.of(bed.user(1, "x")), tools, "{\"reasoningEffort\":\"high\",\"toolChoice\":{\"type\":\"requiredAny\"}}",
        CompactionPolicy.DISABLED);
    RecordedRequest noTools = send(List.of(bed.user(1, "x")), List.of(), "{\"reasoningEffort\":\"low\",\"toolChoice\":{\"type\":\"requiredAny\"}}",
        CompactionPolicy.DISABLED);

    assertThat(specific.bodyText()).isEqualTo("{\"model\":\"claude-fake\",\"max_tokens\":16384,"
        + "\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"x\"}]}],"
        + "\"tools\":[{\"name\":\"alpha\",\"description\":\"A.\",\"input_schema\":{\"type\":\"object\"}" + CACHE + "}],"
        + "\"tool_choice\":{\"type\":\"tool\",\"name\":\"alpha\",\"disable_parallel_tool_use\":true},"
        + "\"stream\":true}");
    assertThat(any.bodyText()).contains("\"tool_choice\":{\"type\":\"any\"}").doesNotContain("thinking");
    assertThat(noTools.bodyText()).as("without tools no tool choice is sent, so thinking stays")
        .contains("\"thinking\":{\"type\":\"enabled\",\"budget_tokens\":2048}").doesNotContain("tool_choice");
  }

  @Test
  void thinkingIsNotSwitchedOnInTheMiddleOfAToolLoopBegunWithoutIt() throws Exception {
    String toolUse = "{\"type\":\"tool_use\",\"id\":\"toolu_1\",\"name\":\"alpha\",\"input\":{}}";
    ContextItem use = new ContextItem(null, EntryKind.TOOL_CALL, EntryRole.ASSISTANT, bed.put(toolUse), "application/json",
        "anthropic:messages:tool_use", "alpha", 1, "toolu_1", false);
    ContextItem thinking = new ContextItem(null, EntryKind.REASONING_STATE, EntryRole.ASSISTANT,
        bed.put("{\"type\":\"thinking\",\"thinking\":\"hm\",\"signature\":\"s\"}"), "application/json", "anthropic:messages:thinking", "hm", 1,
        null, false);
    List<ToolSpec> tools = List.of(bed.function("alpha", "A.", "{\"type\":\"object\"}"));
    String effort = "{\"reasoningEffort\":\"low\"}";

    RecordedRequest begunWithout = send(List.of(bed.user(1, "q"), bed.output(2, 1, use), bed.toolResult(3, "toolu_1", "ok", false)), tools, effort,
        CompactionPolicy.DISABLED);
    RecordedRequest begunWith = send(List.of(bed.user(1, "q"), bed.output(2, 1, thinking), bed.output(3, 1, use),
        bed.toolResult(4, "toolu_1", "ok", false)), tools, effort, CompactionPolicy.DISABLED);
    RecordedRequest newQuestion = send(List.of(bed.user(1, "q"), bed.output(2, 1, use), bed.toolResult(3, "toolu_1", "ok", false),
        bed.output(4, 2, storedText("done")), bed.user(5, "next")), tools, effort, CompactionPolicy.DISABLED);

    assertThat(begunWithout.bodyText()).doesNotContain("\"thinking\"");
    assertThat(begunWith.bodyText()).contains("\"thinking\":{\"type\":\"enabled\",\"budget_tokens\":2048}");
    assertThat(newQuestion.bodyText()).contains("\"thinking\":{\"type\":\"enabled\",\"budget_tokens\":2048}");
  }

  @Test
  void emptyAndWhitespaceTextsWhichTheApiRefusesAreLeftOut() throws Exception {
    String toolUse = "{\"type\":\"tool_use\",\"id\":\"toolu_1\",\"name\":\"alpha\",\"input\":{}}";
    ContextItem use = new ContextItem(null, EntryKind.TOOL_CALL, EntryRole.ASSISTANT, bed.put(toolUse), "application/json",
        "anthropic:messages:tool_use", "alpha", 1, "toolu_1", false);
    ContextItem escapedBlank = new ContextItem(null, EntryKind.MESSAGE, EntryRole.ASSISTANT, bed.put("{\"type\":\"text\",\"text\":\" \\n\\t\"}"),
        "application/json", "anthropic:messages:text", "", 1, null, false);
    List<ContextEntry> context = List.of(
        bed.instructions(1, "Be brief."),
        bed.instructions(2, "  \n"),
        bed.user(3, "hi"),
        bed.output(4, 1, storedText("")),
        bed.output(5, 1, use),
        bed.output(6, 1, escapedBlank),
        bed.toolResult(7, "toolu_1", "done", false),
        bed.user(8, " "),
        bed.output(9, 2, storedText("ok")),
        bed.user(10, "next"));

    RecordedRequest sent = send(context, List.of(bed.function("alpha", "A.", "{\"type\":\"object\"}")), "{}", CompactionPolicy.DISABLED);

    assertThat(sent.bodyText()).startsWith("{\"model\":\"claude-fake\",\"max_tokens\":8192,"
        + "\"system\":[{\"type\":\"text\",\"text\":\"Be brief.\"" + CACHE + "}],"
        + "\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"hi\"}]},"
        + "{\"role\":\"assistant\",\"content\":[" + toolUse + "]},"
        + "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"toolu_1\",\"content\":\"done\"}]},"
        + "{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"ok\"" + CACHE + "}]},"
        + "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"next\"}]}],");
  }

  @Test
  void anEmptyToolResultIsSentWithoutContentAndAnEmptyErrorSaysSo() throws Exception {
    String a = "{\"type\":\"tool_use\",\"id\":\"toolu_a\",\"name\":\"alpha\",\"input\":{}}";
    String b = "{\"type\":\"tool_use\",\"id\":\"toolu_b\",\"name\":\"alpha\",\"input\":{}}";
    List<ContextEntry> context = List.of(bed.user(1, "go"),
        bed.output(2, 1, new ContextItem(null, EntryKind.TOOL_CALL, EntryRole.ASSISTANT, bed.put(a), "application/json", "anthropic:messages:tool_use",
            "alpha", 1, "toolu_a", false)),
        bed.output(3, 1, new ContextItem(null, EntryKind.TOOL_CALL, EntryRole.ASSISTANT, bed.put(b), "application/json", "anthropic:messages:tool_use",
            "alpha", 1, "toolu_b", false)),
        bed.toolResult(4, "toolu_a", "", false),
        bed.toolResult(5, "toolu_b", " ", true));

    RecordedRequest sent = send(context, List.of(bed.function("alpha", "A.", "{\"type\":\"object\"}")), "{}", CompactionPolicy.DISABLED);

    assertThat(sent.bodyText()).contains("{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"toolu_a\"},"
        + "{\"type\":\"tool_result\",\"tool_use_id\":\"toolu_b\",\"content\":\"(the tool failed without a message)\",\"is_error\":true}]}]");
  }

  @Test
  void aHistoryThatStartsWithTheAssistantAfterACompactionPrunedItGetsAUserTextFirst() throws Exception {
    String compaction = "{\"type\":\"compaction\",\"content\":\"The user asked to remember a sentence.\"}";
    ContextItem compacted = new ContextItem(null, EntryKind.COMPACTION, EntryRole.ASSISTANT, bed.put(compaction), "application/json",
        "anthropic:messages:compaction", null, 1, null, false);

    RecordedRequest sent = send(List.of(bed.instructions(1, "Be brief."), bed.output(5, 1, compacted), bed.output(6, 1, storedText("Hello!")),
        bed.user(7, "What did I ask you to do?")), List.of(), "{}", CompactionPolicy.DISABLED);

    assertThat(sent.bodyText()).contains("\"messages\":["
        + "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"(The earlier conversation is not shown.)\"}]},"
        + "{\"role\":\"assistant\",\"content\":[" + compaction + ",{\"type\":\"text\",\"text\":\"Hello!\"" + CACHE + "}]},"
        + "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"What did I ask you to do?\"}]}]");
  }

  @Test
  void standaloneCompactionPolicyAddsNoContextManagement() throws Exception {
    RecordedRequest sent = send(List.of(bed.user(1, "x")), List.of(), "{}", new CompactionPolicy(CompactionPolicy.Mode.PROVIDER_STANDALONE, 50000, 0));

    assertThat(sent.findHeader("anthropic-beta")).isEmpty();
    assertThat(sent.bodyText()).doesNotContain("context_management");
  }

  @Test
  void nativeItemsOfAnotherApiKindAreSkipped() throws Exception {
    ContextItem foreign = new ContextItem(null, EntryKind.REASONING_STATE, EntryRole.ASSISTANT,
        bed.put("{\"type\":\"reasoning\",\"encrypted_content\":\"x\"}"), "application/json", "openai:responses:reasoning", null, 1, null, false);

    RecordedRequest sent = send(List.of(bed.user(1, "q"), bed.output(2, 1, foreign), bed.output(3, 1, storedText("a")), bed.user(4, "more")),
        List.of(), "{}", CompactionPolicy.DISABLED);

    assertThat(sent.bodyText()).contains("\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"q\"}]},"
        + "{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"a\"" + CACHE + "}]},");
  }

  @Test
  void anUnsupportedReasoningEffortFailsTerminallyBeforeAnyCall() {
    assertThatThrownBy(() -> send(List.of(bed.user(1, "x")), List.of(), "{\"reasoningEffort\":\"ultra\"}", CompactionPolicy.DISABLED))
        .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.error()).isEqualTo(new ProviderError.Terminal("anthropic",
            ProviderError.Terminal.Kind.UNSUPPORTED, 0, "",
            "reasoningEffort \"ultra\" is not supported by anthropic:messages (expected none, minimal, low, medium or high)")));
    assertThat(bed.server.requestCount()).isZero();
  }

  @Test
  void anImageFromTheAssistantCannotBeSent() {
    ContextEntry image = new ContextEntry(2, EntrySource.CONTEXT_EDIT,
        new ContextItem(null, EntryKind.MESSAGE, EntryRole.ASSISTANT, bed.put(new byte[] {1}), "image/png", null, null, 1, null, false));

    assertThatThrownBy(() -> send(List.of(bed.user(1, "x"), image), List.of(), "{}", CompactionPolicy.DISABLED))
        .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.error().message())
            .isEqualTo("context entry 2 is an assistant message of media type image/png; only text can be sent as the assistant"));
    assertThat(bed.server.requestCount()).isZero();
  }
}
