package dev.lightspeed.llm.openai.responses;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lightspeed.engine.cas.BlobRef;
import dev.lightspeed.engine.context.ContextEntry;
import dev.lightspeed.engine.context.ContextItem;
import dev.lightspeed.engine.context.EntryKind;
import dev.lightspeed.engine.context.EntryRole;
import dev.lightspeed.engine.context.EntrySource;
import dev.lightspeed.engine.drive.EffectContext;
import dev.lightspeed.engine.json.Json;
import dev.lightspeed.engine.llm.LlmRequest;
import dev.lightspeed.engine.llm.ModelRef;
import dev.lightspeed.engine.session.CompactionPolicy;
import dev.lightspeed.engine.tool.Parallelism;
import dev.lightspeed.engine.tool.RetrySafety;
import dev.lightspeed.engine.tool.ToolSpec;
import dev.lightspeed.llm.LiveListener;
import dev.lightspeed.llm.LlmService;
import dev.lightspeed.llm.ProviderCall;
import dev.lightspeed.llm.RetryPolicy;
import dev.lightspeed.llm.config.KeyRing;
import dev.lightspeed.llm.config.ProviderConfig;
import dev.lightspeed.llm.config.ProviderRegistry;
import dev.lightspeed.llm.http.ProviderHttp;
import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.memory.InMemoryBlobStore;
import dev.lightspeed.testkit.provider.FakeProviderServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What the Responses adapter tests share: a fake provider on loopback, an in-memory blob store, a recording
 * live listener, an abort flag, and builders for context entries, tools and requests.
 */
final class ResponsesHarness implements AutoCloseable {
  static final UniverseId UNIVERSE = UniverseId.DEFAULT;
  static final String SESSION = "ses_01test";
  static final String KEY = "sk-test-key-1";
  static final ObjectMapper JSON = new ObjectMapper();

  final FakeProviderServer server = FakeProviderServer.start();
  final InMemoryBlobStore blobs = new InMemoryBlobStore();
  final ProviderHttp http = new ProviderHttp(
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build(), Duration.ofSeconds(5));
  final RecordingLiveListener live = new RecordingLiveListener();
  final AtomicBoolean aborted = new AtomicBoolean();
  final OpenAiResponsesAdapter adapter = new OpenAiResponsesAdapter();
  private long nextId = 1;

  @Override
  public void close() {
    server.close();
  }

  // ---- calls ---------------------------------------------------------------------------------------------

  ProviderConfig provider(String... keys) {
    return new ProviderConfig("openai", server.url("/v1"), KeyRing.of(List.of(keys)), Map.of());
  }

  /** A call with one key, {@link #KEY}. */
  ProviderCall call() {
    return call(provider(KEY));
  }

  ProviderCall call(ProviderConfig provider) {
    return new ProviderCall(provider, provider.keys().current(), http, blobs, UNIVERSE, SESSION, live, aborted::get);
  }

  LlmService service(ProviderConfig provider) {
    return new LlmService(ProviderRegistry.of(provider), List.of(adapter), blobs, http,
        new RetryPolicy(Duration.ofMillis(10), Duration.ofMillis(50), 5), live);
  }

  EffectContext effectContext() {
    return new EffectContext(UNIVERSE.value(), SESSION, 1, aborted::get);
  }

  // ---- requests ------------------------------------------------------------------------------------------

  static LlmRequest request(String model, List<ContextEntry> context) {
    return request(model, context, List.of(), Json.Obj.EMPTY, CompactionPolicy.DISABLED);
  }

  static LlmRequest request(String model, List<ContextEntry> context, List<ToolSpec> tools, Json.Obj generation, CompactionPolicy policy) {
    return new LlmRequest(1, 1, new ModelRef("openai", OpenAiResponsesAdapter.API_KIND, model), generation, policy, context, tools, "fp-test");
  }

  ToolSpec functionTool(String name, String specJson) {
    return new ToolSpec(name, put(specJson), Parallelism.PARALLEL_SAFE, RetrySafety.RETRY_SAFE);
  }

  // ---- context entries -----------------------------------------------------------------------------------

  ContextEntry instructions(String text) {
    return entry(new ContextItem(null, EntryKind.INSTRUCTIONS, EntryRole.SYSTEM, put(text), "text/markdown", null, null, 1, null, false),
        new EntrySource.Runtime("instructions"));
  }

  ContextEntry user(String text) {
    return entry(ContextItem.message(EntryRole.USER, put(text), text, 1), new EntrySource.RunInput(1, 0));
  }

  ContextEntry message(EntryKind kind, EntryRole role, String mediaType, byte[] content) {
    return entry(new ContextItem(null, kind, role, blobs.put(UNIVERSE, content), mediaType, null, null, 1, null, false),
        new EntrySource.RunInput(1, 0));
  }

  ContextEntry toolResult(String callId, String text) {
    return entry(new ContextItem(null, EntryKind.TOOL_RESULT, EntryRole.NONE, put(text), "text/plain", null, text, 1, callId, false),
        new EntrySource.Tool(1, 1, 1));
  }

  /** A stored output item of this API, e.g. from an earlier turn. */
  ContextEntry storedItem(EntryKind kind, String type, String rawJson, String callId) {
    return entry(new ContextItem(null, kind, EntryRole.ASSISTANT, put(rawJson), "application/json", "openai:responses:" + type, null, 1, callId,
        false), new EntrySource.AssistantOutput(1, 1));
  }

  ContextEntry entry(ContextItem item, EntrySource source) {
    return new ContextEntry(nextId++, source, item);
  }

  /** The outputs of a generation, placed as entries the way the engine places them. */
  List<ContextEntry> placed(List<ContextItem> outputs) {
    List<ContextEntry> entries = new ArrayList<>();
    for (ContextItem item : outputs) entries.add(entry(item, new EntrySource.AssistantOutput(1, 1)));
    return entries;
  }

  // ---- blobs and fixtures --------------------------------------------------------------------------------

  BlobRef put(String text) {
    return blobs.put(UNIVERSE, text.getBytes(StandardCharsets.UTF_8));
  }

  String text(BlobRef ref) {
    return new String(blobs.read(UNIVERSE, ref), StandardCharsets.UTF_8);
  }

  /** {@return the parsed {@code data:} payloads of an SSE fixture whose {@code type} is {@code type}, in order} */
  static List<JsonNode> events(String sse, String type) {
    List<JsonNode> out = new ArrayList<>();
    for (String line : sse.split("\n")) {
      if (!line.startsWith("data: ")) continue;
      JsonNode data = parse(line.substring("data: ".length()));
      if (data.path("type").asText().equals(type)) out.add(data);
    }
    return out;
  }

  static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode without(JsonNode node, String field) {
    ObjectNode copy = node.deepCopy();
    copy.remove(field);
    return copy;
  }

  /**
   * A live listener that records every delta as {@code text:<delta>} or {@code reasoning:<delta>}, and the
   * distinct {@code session/turn} pairs they were addressed to.
   */
  static final class RecordingLiveListener implements LiveListener {
    private final List<String> deltas = new ArrayList<>();
    private final Set<String> addressees = new LinkedHashSet<>();

    @Override
    public synchronized void onTextDelta(String session, long turn, String text) {
      deltas.add("text:" + text);
      addressees.add(session + "/" + turn);
    }

    @Override
    public synchronized void onReasoningDelta(String session, long turn, String text) {
      deltas.add("reasoning:" + text);
      addressees.add(session + "/" + turn);
    }

    synchronized Set<String> addressees() {
      return Set.copyOf(addressees);
    }

    synchronized List<String> deltas() {
      return List.copyOf(deltas);
    }
  }
}
