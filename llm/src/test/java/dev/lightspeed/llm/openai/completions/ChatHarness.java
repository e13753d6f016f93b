package dev.lightspeed.llm.openai.completions;

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
import dev.lightspeed.llm.ProviderCall;
import dev.lightspeed.llm.config.KeyRing;
import dev.lightspeed.llm.config.ProviderConfig;
import dev.lightspeed.llm.http.ProviderHttp;
import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.memory.InMemoryBlobStore;
import dev.lightspeed.testkit.provider.FakeProviderServer;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

/**
 * What the Chat Completions tests share: a fake provider on loopback, an in-memory blob store, a short
 * timeout HTTP client, and builders for context entries, requests and hand-made stream chunks.
 */
final class ChatHarness implements AutoCloseable {
  static final String SESSION = "sess-1";
  static final UniverseId UNIVERSE = UniverseId.DEFAULT;

  final FakeProviderServer server = FakeProviderServer.start();
  final InMemoryBlobStore blobs = new InMemoryBlobStore();
  final ProviderHttp http = new ProviderHttp(
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build(), Duration.ofSeconds(5));
  private long nextEntryId = 1;

  /** The official provider, with one key. */
  ProviderConfig openai(String... keys) {
    return new ProviderConfig("openai", server.url("/v1"), KeyRing.of(List.of(keys.length == 0 ? new String[] {"sk-test"} : keys)), Map.of());
  }

  ProviderCall call(ProviderConfig provider, LiveListener live, BooleanSupplier aborted) {
    return new ProviderCall(provider, provider.keys().current(), http, blobs, UNIVERSE, SESSION, live, aborted);
  }

  ProviderCall call(ProviderConfig provider) {
    return call(provider, LiveListener.NONE, () -> false);
  }

  BlobRef put(String text) {
    return put(text.getBytes(StandardCharsets.UTF_8));
  }

  BlobRef put(byte[] bytes) {
    return blobs.put(UNIVERSE, bytes);
  }

  String read(BlobRef ref) {
    return new String(blobs.read(UNIVERSE, ref), StandardCharsets.UTF_8);
  }

  ContextEntry instructions(String text) {
    return entry(new ContextItem(null, EntryKind.INSTRUCTIONS, EntryRole.NONE, put(text), "text/plain", null, null, 1, null, false));
  }

  ContextEntry user(String text) {
    return entry(ContextItem.message(EntryRole.USER, put(text), text, 1));
  }

  ContextEntry userFile(byte[] bytes, String mediaType) {
    return entry(new ContextItem(null, EntryKind.MESSAGE, EntryRole.USER, put(bytes), mediaType, null, null, 1, null, false));
  }

  ContextEntry toolResult(String callId, String text) {
    return entry(new ContextItem(null, EntryKind.TOOL_RESULT, EntryRole.NONE, put(text), "text/plain", null, text, 1, callId, false));
  }

  ContextEntry output(ContextItem item) {
    return entry(item);
  }

  private ContextEntry entry(ContextItem item) {
    return new ContextEntry(nextEntryId++, new EntrySource.RunInput(1, 0), item);
  }

  /** A function tool spec in the adapters' shared form. */
  ToolSpec tool(String name, String specJson) {
    return new ToolSpec(name, put(specJson), Parallelism.PARALLEL_SAFE, RetrySafety.RETRY_SAFE);
  }

  static LlmRequest request(long turn, String providerId, String model, Json.Obj generation, List<ContextEntry> context, List<ToolSpec> tools) {
    return new LlmRequest(1, turn, new ModelRef(providerId, OpenAiCompletionsAdapter.API_KIND, model), generation, CompactionPolicy.DISABLED,
        context, tools, "fingerprint");
  }

  /** A {@code chat.completion.chunk} with one choice, for streams {@code ChatScript} cannot express. */
  static String chunk(String id, String delta, String finishReason) {
    return "{\"id\":\"" + id + "\",\"object\":\"chat.completion.chunk\",\"created\":1782955818,\"model\":\"gpt-4o-mini-2024-07-18\","
        + "\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"logprobs\":null,\"finish_reason\":" + finishReason + "}],\"usage\":null}";
  }

  static String sse(List<String> chunks) {
    StringBuilder b = new StringBuilder();
    for (String c : chunks) b.append("data: ").append(c).append("\n\n");
    return b.toString();
  }

  static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }

  /** A live listener that records what it is told, safe to read from the test thread. */
  static final class RecordingListener implements LiveListener {
    final List<String> text = new CopyOnWriteArrayList<>();
    final List<String> reasoning = new CopyOnWriteArrayList<>();
    final List<String> sessions = new CopyOnWriteArrayList<>();
    final List<Long> turns = new CopyOnWriteArrayList<>();

    @Override
    public void onTextDelta(String session, long turn, String delta) {
      sessions.add(session);
      turns.add(turn);
      text.add(delta);
    }

    @Override
    public void onReasoningDelta(String session, long turn, String delta) {
      reasoning.add(delta);
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
