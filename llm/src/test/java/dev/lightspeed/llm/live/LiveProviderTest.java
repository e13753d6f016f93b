package dev.lightspeed.llm.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lightspeed.engine.cas.BlobRef;
import dev.lightspeed.engine.context.ContextEntry;
import dev.lightspeed.engine.context.ContextItem;
import dev.lightspeed.engine.context.EntryKind;
import dev.lightspeed.engine.context.EntryRole;
import dev.lightspeed.engine.context.EntrySource;
import dev.lightspeed.engine.drive.EffectContext;
import dev.lightspeed.engine.json.Json;
import dev.lightspeed.engine.llm.CompactionRequest;
import dev.lightspeed.engine.llm.CompactionResult;
import dev.lightspeed.engine.llm.GenerationResult;
import dev.lightspeed.engine.llm.LlmRequest;
import dev.lightspeed.engine.llm.ModelRef;
import dev.lightspeed.engine.session.CompactionPolicy;
import dev.lightspeed.engine.tool.Parallelism;
import dev.lightspeed.engine.tool.RetrySafety;
import dev.lightspeed.engine.tool.ToolCall;
import dev.lightspeed.engine.tool.ToolSpec;
import dev.lightspeed.llm.LiveListener;
import dev.lightspeed.llm.LlmService;
import dev.lightspeed.llm.LlmServices;
import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.memory.InMemoryBlobStore;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Against the real provider APIs; each case runs only when its key variable is set (skipped with a message
 * otherwise). Models default to small ones and can be overridden with {@code LIGHTSPEED_LIVE_<KIND>_MODEL}.
 */
class LiveProviderTest {
  static final UniverseId U = UniverseId.DEFAULT;

  @ParameterizedTest(name = "{1}")
  @CsvSource({
      "openai, openai:responses, OPENAI_API_KEY, LIGHTSPEED_LIVE_RESPONSES_MODEL, gpt-5-mini",
      "openai, openai:completions, OPENAI_API_KEY, LIGHTSPEED_LIVE_COMPLETIONS_MODEL, gpt-5-mini",
      "anthropic, anthropic:messages, ANTHROPIC_API_KEY, LIGHTSPEED_LIVE_ANTHROPIC_MODEL, claude-haiku-4-5"})
  void aToolRoundTripAndACompactionSucceedAgainstTheRealApi(String provider, String apiKind, String keyVar, String modelVar, String defaultModel) {
    assumeTrue(System.getenv(keyVar) != null && !System.getenv(keyVar).isBlank(), keyVar + " is not set; live test of " + apiKind + " skipped");
    InMemoryBlobStore blobs = new InMemoryBlobStore();
    LlmService llm = LlmServices.fromEnvironment(System.getenv(), blobs, LiveListener.NONE);
    String model = System.getenv().getOrDefault(modelVar, defaultModel);
    ModelRef ref = new ModelRef(provider, apiKind, model);
    Json.Obj tool = Json.Obj.builder().put("type", "function").put("name", "get_weather").put("description", "Current weather for a city")
        .put("parameters", Json.Obj.builder().put("type", "object")
            .put("properties", Json.Obj.builder().put("city", Json.Obj.builder().put("type", "string").build()).build())
            .putArray("required", List.of(Json.of("city"))).build())
        .build();
    ToolSpec spec = new ToolSpec("get_weather", blobs.put(U, dev.lightspeed.engine.json.CanonicalJson.writeUtf8(tool)),
        Parallelism.PARALLEL_SAFE, RetrySafety.RETRY_SAFE);
    List<ContextEntry> context = new ArrayList<>();
    long[] ids = {1};
    context.add(entry(ids, new EntrySource.RunInput(1, 0), ContextItem.message(EntryRole.USER,
        text(blobs, "What is the weather in Paris? Use the get_weather tool, then answer in one sentence."), "weather?", 20)));
    EffectContext ctx = new EffectContext(U.value(), "live-" + apiKind.replace(':', '-'), 1, () -> false);
    // A reasoning effort makes the second turn replay reasoning (encrypted content, signed thinking) to the real API.
    Json.Obj generation = Json.Obj.builder().put("maxOutputTokens", 4096).put("reasoningEffort", "low").build();

    GenerationResult first = llm.generate(new LlmRequest(1, 1, ref, generation, CompactionPolicy.DISABLED, context, List.of(spec), "live"), ctx);
    assertThat(first).isInstanceOf(GenerationResult.Completed.class);
    GenerationResult.Completed call = (GenerationResult.Completed) first;
    assertThat(call.toolCalls()).isNotEmpty();
    for (ContextItem out : call.outputs()) context.add(entry(ids, new EntrySource.AssistantOutput(1, 1), out));
    for (ToolCall tc : call.toolCalls()) {
      context.add(entry(ids, new EntrySource.Tool(1, 1, 1), new ContextItem(null, EntryKind.TOOL_RESULT, EntryRole.NONE,
          text(blobs, "Sunny, 21 degrees Celsius."), "text/plain", null, "sunny", 8, tc.callId(), false)));
    }

    GenerationResult second = llm.generate(new LlmRequest(1, 2, ref, generation, CompactionPolicy.DISABLED, context, List.of(spec), "live"), ctx);
    assertThat(second).isInstanceOf(GenerationResult.Completed.class);
    assertThat(((GenerationResult.Completed) second).toolCalls()).isEmpty();

    CompactionResult compacted = llm.compact(new CompactionRequest(1, ref, CompactionPolicy.DISABLED, context, context), ctx);
    assertThat(compacted).isInstanceOf(CompactionResult.Completed.class);
    assertThat(((CompactionResult.Completed) compacted).items()).isNotEmpty();
  }

  private static ContextEntry entry(long[] ids, EntrySource source, ContextItem item) {
    return new ContextEntry(ids[0]++, source, item);
  }

  private static BlobRef text(InMemoryBlobStore blobs, String s) {
    return blobs.put(U, s.getBytes(StandardCharsets.UTF_8));
  }
}
