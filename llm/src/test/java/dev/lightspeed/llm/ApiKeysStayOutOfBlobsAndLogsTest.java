package dev.lightspeed.llm;

import static org.assertj.core.api.Assertions.assertThat;

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
import dev.lightspeed.llm.config.KeyRing;
import dev.lightspeed.llm.config.ProviderConfig;
import dev.lightspeed.llm.config.ProviderRegistry;
import dev.lightspeed.llm.http.ProviderHttp;
import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.blob.BlobStat;
import dev.lightspeed.store.blob.BlobStore;
import dev.lightspeed.store.memory.InMemoryBlobStore;
import dev.lightspeed.testkit.provider.AnthropicErrors;
import dev.lightspeed.testkit.provider.AnthropicScript;
import dev.lightspeed.testkit.provider.ChatScript;
import dev.lightspeed.testkit.provider.FakeProviderServer;
import dev.lightspeed.testkit.provider.FakeResponse;
import dev.lightspeed.testkit.provider.OpenAiErrors;
import dev.lightspeed.testkit.provider.ResponsesScript;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * API keys go only into request headers: a whole exchange (a rejected key the provider echoes back, the
 * rotation to the next key, a tool round trip, a compaction, and a final failure on the last key) leaves no
 * key in any blob written, in any log line, or in the results handed to the engine.
 */
class ApiKeysStayOutOfBlobsAndLogsTest {
  private static final String KEY_1 = "sk-live-secret-0001";
  private static final String KEY_2 = "sk-live-secret-0002";
  private static final UniverseId UNIVERSE = UniverseId.DEFAULT;

  private final FakeProviderServer server = FakeProviderServer.start();
  private final RecordingBlobStore blobs = new RecordingBlobStore();
  private final List<String> logLines = new CopyOnWriteArrayList<>();
  private final Handler logCapture = new Handler() {
    private final SimpleFormatter formatter = new SimpleFormatter();

    @Override
    public void publish(LogRecord record) {
      logLines.add(formatter.formatMessage(record) + (record.getThrown() == null ? "" : " " + record.getThrown()));
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };
  private Level rootLevel;

  @BeforeEach
  void captureLogs() {
    Logger root = Logger.getLogger("");
    rootLevel = root.getLevel();
    root.setLevel(Level.ALL);
    root.addHandler(logCapture);
  }

  @AfterEach
  void tearDown() {
    Logger root = Logger.getLogger("");
    root.removeHandler(logCapture);
    root.setLevel(rootLevel);
    server.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"openai:responses", "openai:completions", "anthropic:messages"})
  void noKeyReachesABlobALogLineOrAResult(String apiKind) throws Exception {
    boolean anthropic = apiKind.startsWith("anthropic");
    String providerId = anthropic ? "anthropic" : "openai";
    ProviderConfig provider = new ProviderConfig(providerId, anthropic ? server.baseUrl() : server.url("/v1"), KeyRing.of(List.of(KEY_1, KEY_2)), Map.of());
    LlmService llm = new LlmService(ProviderRegistry.of(provider), LlmServices.builtInAdapters(), blobs,
        new ProviderHttp(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(), Duration.ofSeconds(5)),
        new RetryPolicy(Duration.ofMillis(1), Duration.ofMillis(5), 3), LiveListener.NONE);
    EffectContext ctx = new EffectContext(UNIVERSE.value(), "s-keys", 1, () -> false);
    ModelRef model = new ModelRef(providerId, apiKind, "m");
    ToolSpec tool = new ToolSpec("ls", blobs.put(UNIVERSE, utf8("{\"type\":\"function\",\"name\":\"ls\",\"parameters\":{\"type\":\"object\"}}")),
        Parallelism.PARALLEL_SAFE, RetrySafety.RETRY_SAFE);
    List<ContextEntry> context = new ArrayList<>(List.of(entry(1, ContextItem.message(EntryRole.USER, blobs.put(UNIVERSE, utf8("List files.")), "", 1))));
    List<Object> results = new ArrayList<>();

    server.enqueue(rejected(anthropic, KEY_1));
    server.enqueue(switch (apiKind) {
      case "openai:responses" -> ResponsesScript.create().functionCall("call_1", "ls", "{}").streaming();
      case "openai:completions" -> ChatScript.create().toolCall("call_1", "ls", "{}").streaming();
      default -> AnthropicScript.create().toolUse("call_1", "ls", "{}").streaming();
    });
    GenerationResult.Completed first = (GenerationResult.Completed) llm.generate(
        new LlmRequest(1, 1, model, Json.Obj.EMPTY, CompactionPolicy.DISABLED, context, List.of(tool), "fp"), ctx);
    results.add(first);
    long id = 2;
    for (ContextItem out : first.outputs()) context.add(entry(id++, out));
    for (ToolCall call : first.toolCalls()) {
      context.add(entry(id++, new ContextItem(null, EntryKind.TOOL_RESULT, EntryRole.NONE, blobs.put(UNIVERSE, utf8("a.txt")), "text/plain", null,
          "a.txt", 1, call.callId(), false)));
    }

    server.enqueue(switch (apiKind) {
      case "openai:responses" -> ResponsesScript.create().text("One file.").streaming();
      case "openai:completions" -> ChatScript.create().text("One file.").streaming();
      default -> AnthropicScript.create().text("One file.").streaming();
    });
    results.add(llm.generate(new LlmRequest(1, 2, model, Json.Obj.EMPTY, CompactionPolicy.DISABLED, context, List.of(tool), "fp"), ctx));

    server.enqueue(switch (apiKind) {
      case "openai:responses" -> ResponsesScript.create().compaction("gAAAAcmp").compactJson();
      case "openai:completions" -> ChatScript.create().text("They listed files.").streaming();
      default -> AnthropicScript.create().text("They listed files.").streaming();
    });
    CompactionResult compacted = llm.compact(new CompactionRequest(1, model, CompactionPolicy.DISABLED, context, context), ctx);
    assertThat(compacted).isInstanceOf(CompactionResult.Completed.class);
    results.add(compacted);

    server.enqueue(rejected(anthropic, KEY_2));
    server.enqueue(rejected(anthropic, KEY_1));
    GenerationResult last = llm.generate(new LlmRequest(1, 3, model, Json.Obj.EMPTY, CompactionPolicy.DISABLED, context, List.of(tool), "fp"), ctx);
    assertThat(last).isInstanceOf(GenerationResult.Failed.class);
    results.add(last);

    assertThat(server.requests()).extracting(r -> r.header(anthropic ? "x-api-key" : "Authorization"))
        .as("the keys did reach the provider, in headers").anySatisfy(h -> assertThat(h).contains(KEY_1)).anySatisfy(h -> assertThat(h).contains(KEY_2));
    assertThat(server.requests()).allSatisfy(r -> assertThat(r.bodyText()).doesNotContain(KEY_1, KEY_2));
    assertThat(blobs.written()).isNotEmpty().allSatisfy(text -> assertThat(text).doesNotContain(KEY_1, KEY_2));
    assertThat(logLines).as("the rejections and the rotation were logged").isNotEmpty()
        .allSatisfy(line -> assertThat(line).doesNotContain(KEY_1, KEY_2));
    assertThat(results).allSatisfy(r -> assertThat(r.toString()).doesNotContain(KEY_1, KEY_2));
  }

  /** A 401 whose message echoes the key back, as OpenAI's does. */
  private static FakeResponse rejected(boolean anthropic, String key) {
    return anthropic
        ? AnthropicErrors.error(401, "authentication_error", "invalid x-api-key: " + key)
        : OpenAiErrors.error(401, "invalid_request_error", "invalid_api_key", "Incorrect API key provided: " + key + ".");
  }

  private static ContextEntry entry(long id, ContextItem item) {
    return new ContextEntry(id, new EntrySource.RunInput(1, 0), item);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** An in-memory store that keeps the text of every blob written through it. */
  private static final class RecordingBlobStore implements BlobStore {
    private final InMemoryBlobStore store = new InMemoryBlobStore();
    private final List<String> written = new CopyOnWriteArrayList<>();

    @Override
    public BlobRef put(UniverseId universe, byte[] bytes) {
      written.add(new String(bytes, StandardCharsets.UTF_8));
      return store.put(universe, bytes);
    }

    @Override
    public Optional<byte[]> find(UniverseId universe, BlobRef ref) {
      return store.find(universe, ref);
    }

    @Override
    public boolean has(UniverseId universe, BlobRef ref) {
      return store.has(universe, ref);
    }

    @Override
    public Optional<BlobStat> stat(UniverseId universe, BlobRef ref) {
      return store.stat(universe, ref);
    }

    List<String> written() {
      return List.copyOf(written);
    }
  }
}
