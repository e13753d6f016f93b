package dev.lightspeed.llm.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lightspeed.engine.cas.BlobRef;
import dev.lightspeed.engine.context.ContextEntry;
import dev.lightspeed.engine.context.ContextItem;
import dev.lightspeed.engine.context.EntryKind;
import dev.lightspeed.engine.context.EntryRole;
import dev.lightspeed.engine.context.EntrySource;
import dev.lightspeed.engine.json.Json;
import dev.lightspeed.engine.llm.LlmRequest;
import dev.lightspeed.engine.llm.ModelRef;
import dev.lightspeed.engine.session.CompactionPolicy;
import dev.lightspeed.engine.tool.Parallelism;
import dev.lightspeed.engine.tool.RetrySafety;
import dev.lightspeed.engine.tool.ToolSpec;
import dev.lightspeed.llm.LiveListener;
import dev.lightspeed.llm.McpTokens;
import dev.lightspeed.llm.ProviderCall;
import dev.lightspeed.llm.config.KeyRing;
import dev.lightspeed.llm.config.ProviderConfig;
import dev.lightspeed.llm.http.ProviderHttp;
import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.blob.BlobStore;
import dev.lightspeed.store.memory.InMemoryBlobStore;
import dev.lightspeed.testkit.provider.FakeProviderServer;
import dev.lightspeed.testkit.provider.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What the Anthropic adapter tests share: a fake provider on loopback, an in-memory blob store, a recording
 * live listener, an abort flag, and builders for context entries, tools and requests.
 */
final class AnthropicTestBed implements AutoCloseable {
  static final String KEY = "sk-ant-test-key-1";
  static final String OTHER_KEY = "sk-ant-test-key-2";
  static final String SESSION = "s-anthropic";
  static final ObjectMapper JSON = new ObjectMapper();

  final FakeProviderServer server = FakeProviderServer.start();
  final InMemoryBlobStore blobs = new InMemoryBlobStore();
  final ProviderHttp http = new ProviderHttp(
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build(), Duration.ofSeconds(5));
  final RecordingListener live = new RecordingListener();
  final AtomicBoolean aborted = new AtomicBoolean();
  final AnthropicMessagesAdapter adapter = new AnthropicMessagesAdapter();

  /** Text and reasoning deltas in arrival order. */
  static final class RecordingListener implements LiveListener {
    final List<String> text = new ArrayList<>();
    final List<String> reasoning = new ArrayList<>();

    @Override
    public synchronized void onTextDelta(String session, long turn, String delta) {
      text.add(session + "/" + turn + ":" + delta);
    }

    @Override
    public synchronized void onReasoningDelta(String session, long turn, String delta) {
      reasoning.add(session + "/" + turn + ":" + delta);
    }
  }

  ProviderConfig provider(String... keys) {
    return new ProviderConfig("anthropic", server.baseUrl(), KeyRing.of(List.of(keys)), Map.of("anthropic-version", "2023-06-01"));
  }

  ProviderCall call() {
    return new ProviderCall(provider(KEY), Optional.of(KEY), http, blobs, UniverseId.DEFAULT, SESSION, live, aborted::get);
  }

  /** A call over {@code store} whose provider-run MCP servers get their tokens from {@code tokens}. */
  ProviderCall call(BlobStore store, McpTokens tokens) {
    return new ProviderCall(provider(KEY), Optional.of(KEY), http, store, UniverseId.DEFAULT, SESSION, live, aborted::get, tokens);
  }

  BlobRef put(String text) {
    return put(text.getBytes(StandardCharsets.UTF_8));
  }

  BlobRef put(byte[] bytes) {
    return blobs.put(UniverseId.DEFAULT, bytes);
  }

  String read(BlobRef ref) {
    return new String(blobs.read(UniverseId.DEFAULT, ref), StandardCharsets.UTF_8);
  }

  ContextEntry instructions(long id, String text) {
    return new ContextEntry(id, new EntrySource.Runtime("instructions"),
        new ContextItem("instructions/" + id, EntryKind.INSTRUCTIONS, EntryRole.SYSTEM, put(text), "text/plain", null, null, 1, null, false));
  }

  ContextEntry user(long id, String text) {
    return new ContextEntry(id, new EntrySource.RunInput(1, 0), ContextItem.message(EntryRole.USER, put(text), text, 1));
  }

  ContextEntry userBytes(long id, String mediaType, byte[] bytes) {
    return new ContextEntry(id, new EntrySource.RunInput(1, 0),
        new ContextItem(null, EntryKind.MESSAGE, EntryRole.USER, put(bytes), mediaType, null, null, 1, null, false));
  }

  ContextEntry output(long id, long turn, ContextItem item) {
    return new ContextEntry(id, new EntrySource.AssistantOutput(1, turn), item);
  }

  ContextEntry toolResult(long id, String callId, String text, boolean isError) {
    return new ContextEntry(id, new EntrySource.Tool(1, 1, 1),
        new ContextItem(null, EntryKind.TOOL_RESULT, EntryRole.NONE, put(text), "text/plain", null, null, 1, callId, isError));
  }

  ToolSpec function(String name, String description, String parametersJson) {
    String spec = "{\"type\":\"function\",\"name\":\"" + name + "\",\"description\":\"" + description + "\",\"parameters\":" + parametersJson + "}";
    return new ToolSpec(name, put(spec), Parallelism.PARALLEL_SAFE, RetrySafety.RETRY_SAFE);
  }

  ToolSpec nativeTool(String name, String definitionJson) {
    String spec = "{\"type\":\"native\",\"apiKind\":\"anthropic:messages\",\"definition\":" + definitionJson + "}";
    return new ToolSpec(name, put(spec), Parallelism.PARALLEL_SAFE, RetrySafety.RETRY_SAFE);
  }

  static LlmRequest request(long turn, String model, Json.Obj generation, CompactionPolicy policy, List<ContextEntry> context, List<ToolSpec> tools) {
    return new LlmRequest(1, turn, new ModelRef("anthropic", AnthropicMessagesAdapter.API_KIND, model), generation, policy, context, tools, "fp-" + turn);
  }

  static LlmRequest request(long turn, String model, List<ContextEntry> context) {
    return request(turn, model, Json.Obj.EMPTY, CompactionPolicy.DISABLED, context, List.of());
  }

  /** {@return the recorded request body of fixture {@code id}, parsed} */
  static JsonNode recordedRequest(String id) {
    return parse(new String(Fixtures.requestBody(id), StandardCharsets.UTF_8));
  }

  static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@return {@code node} without its {@code cache_control} member} */
  static JsonNode withoutCacheControl(JsonNode node) {
    ObjectNode copy = node.deepCopy();
    copy.remove("cache_control");
    return copy;
  }

  @Override
  public void close() {
    server.close();
  }
}
