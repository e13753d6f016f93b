package dev.lightspeed.bench;

import dev.lightspeed.engine.context.ContextEntry;
import dev.lightspeed.engine.context.ContextItem;
import dev.lightspeed.engine.context.EntryKind;
import dev.lightspeed.engine.context.EntryRole;
import dev.lightspeed.engine.context.EntrySource;
import dev.lightspeed.engine.json.Json;
import dev.lightspeed.engine.llm.GenerationResult;
import dev.lightspeed.engine.llm.LlmRequest;
import dev.lightspeed.engine.llm.ModelRef;
import dev.lightspeed.engine.session.CompactionPolicy;
import dev.lightspeed.engine.tool.Parallelism;
import dev.lightspeed.engine.tool.RetrySafety;
import dev.lightspeed.engine.tool.ToolSpec;
import dev.lightspeed.llm.LiveListener;
import dev.lightspeed.llm.ProviderAdapter;
import dev.lightspeed.llm.ProviderCall;
import dev.lightspeed.llm.ProviderException;
import dev.lightspeed.llm.anthropic.AnthropicMessagesAdapter;
import dev.lightspeed.llm.config.KeyRing;
import dev.lightspeed.llm.config.ProviderConfig;
import dev.lightspeed.llm.http.ProviderHttp;
import dev.lightspeed.llm.openai.completions.OpenAiCompletionsAdapter;
import dev.lightspeed.llm.openai.responses.OpenAiResponsesAdapter;
import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.memory.InMemoryBlobStore;
import dev.lightspeed.testkit.provider.AnthropicScript;
import dev.lightspeed.testkit.provider.ChatScript;
import dev.lightspeed.testkit.provider.FakeProviderServer;
import dev.lightspeed.testkit.provider.FakeResponse;
import dev.lightspeed.testkit.provider.ResponsesScript;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of one LLM adapter call per API kind, driven only through the public {@link ProviderAdapter#generate}
 * against a {@link FakeProviderServer} on loopback with zero latency (the request builders and stream
 * reducers are package-private, so every score includes one HTTP/1.1 round trip over loopback and the fake
 * server's own work; {@link #turnOverhead} measures that floor).
 *
 * <ul>
 *   <li>{@link #context500ShortResponse}: building the native request for a 500-entry context (instructions,
 *       user texts, the kind's own stored assistant items as native JSON blobs, tool calls and tool results),
 *       answered by a short response. Minus {@link #turnOverhead}: the request build (and upload).
 *   <li>{@link #shortContextResponse200}: a short context answered by a streamed 200-item response
 *       (Responses: 200 output items; Anthropic: 200 content blocks; Chat Completions, whose answer is one
 *       message: 100 text deltas and 100 tool calls), reduced into the result and its blobs. Minus
 *       {@link #turnOverhead}: the stream reduction (and download).
 *   <li>{@link #context500Response200}: both at once, one realistic heavy turn.
 *   <li>{@link #turnOverhead}: per-turn adapter overhead, a two-entry context and a three-delta text answer.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class LlmAdapterBench {
  static final int CONTEXT_ENTRIES = 500;
  static final int RESPONSE_ITEMS = 200;
  private static final UniverseId UNIVERSE = UniverseId.DEFAULT;
  private static final String SESSION = "ses_bench";
  private static final String KEY = "sk-bench-key";

  @Param({OpenAiResponsesAdapter.API_KIND, OpenAiCompletionsAdapter.API_KIND, AnthropicMessagesAdapter.API_KIND})
  public String apiKind;

  /**
   * {@code in-memory}: canned response bytes handed to the adapter by {@link CannedHttpClient}, no socket, so
   * the score is the adapter's own work; {@code loopback}: a real HTTP/1.1 round trip to the fake server.
   */
  @Param({"in-memory", "loopback"})
  public String transport;

  private final InMemoryBlobStore blobs = new InMemoryBlobStore();
  private ProviderHttp http;
  private CannedHttpClient canned;
  private ProviderAdapter adapter;
  private FakeProviderServer server;
  private ProviderCall call;
  private LlmRequest bigRequest;
  private LlmRequest smallRequest;
  private FakeResponse bigResponse;
  private FakeResponse shortResponse;
  private long nextEntryId = 1;
  private final Map<FakeResponse, byte[]> cannedBodies = new IdentityHashMap<>();

  @Setup(Level.Trial)
  public void prepare() throws ProviderException {
    canned = new CannedHttpClient();
    HttpClient client = inMemory() ? canned
        : HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
    http = new ProviderHttp(client, Duration.ofSeconds(5));
    adapter = switch (apiKind) {
      case OpenAiResponsesAdapter.API_KIND -> new OpenAiResponsesAdapter();
      case OpenAiCompletionsAdapter.API_KIND -> new OpenAiCompletionsAdapter();
      case AnthropicMessagesAdapter.API_KIND -> new AnthropicMessagesAdapter();
      default -> throw new IllegalArgumentException("unknown api kind " + apiKind);
    };
    startServer();
    try {
      List<ToolSpec> tools = List.of(
          tool("read_file", "Reads a file.", "{\"type\":\"object\",\"properties\":{\"path\":{\"type\":\"string\"}},\"required\":[\"path\"]}"),
          tool("run_command", "Runs a shell command.", "{\"type\":\"object\",\"properties\":{\"command\":{\"type\":\"string\"}},\"required\":[\"command\"]}"));
      bigRequest = request(2, recordedContext(), tools);
      smallRequest = request(2, List.of(instructions(), user("What does src/Main.java do?")), tools);
      shortResponse = shortResponse();
      bigResponse = response200();

      // Check each shape once, so a broken setup fails here rather than measuring an error path.
      check(run(shortResponse, bigRequest), 1);
      check(run(bigResponse, smallRequest), apiKind.equals(OpenAiCompletionsAdapter.API_KIND) ? 1 : RESPONSE_ITEMS);
      if (!inMemory()) {
        byte[] body = server.requests().get(server.requestCount() - 2).body();
        System.out.printf("%n[LlmAdapterBench] %s: context %d entries, request body %,d bytes, 200-item response %,d bytes%n", apiKind,
            bigRequest.context().size(), body.length, bigResponse.body().length);
      }
    } finally {
      stopServer();
    }
  }

  private boolean inMemory() {
    return transport.equals("in-memory");
  }

  /** A fresh server per iteration, so the requests it records never pile up. */
  @Setup(Level.Iteration)
  public void startServer() {
    server = inMemory() ? null : FakeProviderServer.start();
    URI base = inMemory() ? URI.create("http://in-memory.invalid") : server.baseUrl();
    ProviderConfig provider = apiKind.equals(AnthropicMessagesAdapter.API_KIND)
        ? new ProviderConfig("anthropic", base, KeyRing.of(List.of(KEY)), Map.of("anthropic-version", "2023-06-01"))
        : new ProviderConfig("openai", URI.create(base + "/v1"), KeyRing.of(List.of(KEY)), Map.of());
    call = new ProviderCall(provider, provider.keys().current(), http, blobs, UNIVERSE, SESSION, LiveListener.NONE, () -> false);
  }

  @TearDown(Level.Iteration)
  public void stopServer() {
    if (server != null) server.close();
  }

  /** (1) Request build for a 500-entry context (with a short answer). */
  @Benchmark
  public GenerationResult context500ShortResponse() throws ProviderException {
    return run(shortResponse, bigRequest);
  }

  /** (2) Reduction of a 200-item streamed answer (to a short context). */
  @Benchmark
  public GenerationResult shortContextResponse200() throws ProviderException {
    return run(bigResponse, smallRequest);
  }

  /** (1) and (2) together. */
  @Benchmark
  public GenerationResult context500Response200() throws ProviderException {
    return run(bigResponse, bigRequest);
  }

  /** (3) Per-turn adapter overhead: a short context and a short scripted streaming answer. */
  @Benchmark
  public GenerationResult turnOverhead() throws ProviderException {
    return run(shortResponse, smallRequest);
  }

  private GenerationResult run(FakeResponse response, LlmRequest request) throws ProviderException {
    enqueue(response);
    GenerationResult result = adapter.generate(request, call);
    if (!(result instanceof GenerationResult.Completed)) throw new IllegalStateException("generation did not complete: " + result);
    return result;
  }

  private void enqueue(FakeResponse response) {
    // FakeResponse.body() concatenates the events anew on every call; do it once, outside the measurement.
    if (inMemory()) canned.enqueue(cannedBodies.computeIfAbsent(response, FakeResponse::body), response.isSse());
    else server.enqueue(response);
  }

  private static void check(GenerationResult result, int outputs) {
    int got = ((GenerationResult.Completed) result).outputs().size();
    if (got != outputs) throw new IllegalStateException("expected " + outputs + " output items, got " + got);
  }

  // ---- context -------------------------------------------------------------------------------------------

  /**
   * Instructions, then rounds of user text, the kind's assistant items (stored by the adapter itself from a
   * scripted answer: reasoning or thinking where the kind has it, text, a tool call) and the tool result,
   * then user texts up to {@link #CONTEXT_ENTRIES}.
   */
  private List<ContextEntry> recordedContext() throws ProviderException {
    List<ContextEntry> context = new ArrayList<>();
    context.add(instructions());
    List<ToolSpec> tools = List.of();
    for (int round = 1; ; round++) {
      ContextEntry user = user("Round " + round + ": please look at src/main/java/app/Module" + round + ".java and fix the failing test.");
      String args = "{\"path\":\"src/main/java/app/Module" + round + ".java\"}";
      String text = "I will read the file first to see what the module does in round " + round + ".";
      FakeResponse answer = switch (apiKind) {
        case OpenAiResponsesAdapter.API_KIND -> ResponsesScript.create().id("resp_" + round)
            .reasoning(opaque(round, 400), "Reading the module before changing it.")
            .text(text.substring(0, 20), text.substring(20))
            .functionCall("call_" + round, "read_file", args)
            .usage(1000 + round, 0, 50, 10).streaming();
        case OpenAiCompletionsAdapter.API_KIND -> ChatScript.create().id("chatcmpl-" + round)
            .text(text.substring(0, 20), text.substring(20))
            .toolCall("call_" + round, "read_file", args)
            .usage(1000 + round, 0, 50, 0).streaming();
        default -> AnthropicScript.create().id("msg_" + round)
            .thinking("The user wants round " + round + " fixed; read the module first.", opaque(round, 300))
            .text(text.substring(0, 20), text.substring(20))
            .toolUse("toolu_" + round, "read_file", args)
            .usage(1000 + round, 50, 0, 0).streaming();
      };
      enqueue(answer);
      GenerationResult.Completed done = (GenerationResult.Completed) adapter.generate(request(round, List.of(user), tools), call);
      int roundSize = 1 + done.outputs().size() + done.toolCalls().size();
      if (context.size() + roundSize > CONTEXT_ENTRIES) break;
      context.add(user);
      for (ContextItem item : done.outputs()) context.add(new ContextEntry(nextEntryId++, new EntrySource.AssistantOutput(1, round), item));
      for (var toolCall : done.toolCalls()) {
        String output = "package app;\n\npublic final class Module" + round + " {\n  // " + "x".repeat(200) + "\n}\n";
        context.add(new ContextEntry(nextEntryId++, new EntrySource.Tool(1, round, 1), new ContextItem(null, EntryKind.TOOL_RESULT,
            EntryRole.NONE, put(output), "text/plain", null, null, 1, toolCall.callId(), false)));
      }
    }
    while (context.size() < CONTEXT_ENTRIES) context.add(user("And one more thing, number " + context.size() + "."));
    return context;
  }

  private ContextEntry instructions() {
    String text = "You are a careful coding agent. Read before you write, keep changes small, and run the tests.";
    return new ContextEntry(nextEntryId++, new EntrySource.Runtime("instructions"),
        new ContextItem(null, EntryKind.INSTRUCTIONS, EntryRole.SYSTEM, put(text), "text/plain", null, null, 1, null, false));
  }

  private ContextEntry user(String text) {
    return new ContextEntry(nextEntryId++, new EntrySource.RunInput(1, 0), ContextItem.message(EntryRole.USER, put(text), text, 1));
  }

  private ToolSpec tool(String name, String description, String parametersJson) {
    String spec = "{\"type\":\"function\",\"name\":\"" + name + "\",\"description\":\"" + description + "\",\"parameters\":" + parametersJson + "}";
    return new ToolSpec(name, put(spec), Parallelism.PARALLEL_SAFE, RetrySafety.RETRY_SAFE);
  }

  private LlmRequest request(long turn, List<ContextEntry> context, List<ToolSpec> tools) {
    String providerId = apiKind.equals(AnthropicMessagesAdapter.API_KIND) ? "anthropic" : "openai";
    return new LlmRequest(1, turn, new ModelRef(providerId, apiKind, "bench-model"), Json.Obj.EMPTY, CompactionPolicy.DISABLED, context, tools,
        "fp-bench-" + turn);
  }

  private dev.lightspeed.engine.cas.BlobRef put(String text) {
    return blobs.put(UNIVERSE, text.getBytes(StandardCharsets.UTF_8));
  }

  /** A deterministic base64-looking opaque string (encrypted reasoning, signatures). */
  private static String opaque(int seed, int length) {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    StringBuilder b = new StringBuilder(length);
    long x = seed * 0x9E3779B97F4A7C15L + 1;
    for (int i = 0; i < length; i++) {
      x ^= x << 13;
      x ^= x >>> 7;
      x ^= x << 17;
      b.append(alphabet.charAt((int) (x >>> 58)));
    }
    return b.toString();
  }

  // ---- responses -----------------------------------------------------------------------------------------

  private FakeResponse shortResponse() {
    return switch (apiKind) {
      case OpenAiResponsesAdapter.API_KIND -> ResponsesScript.create().text("The module ", "parses the ", "arguments.")
          .usage(1200, 0, 8, 0).streaming();
      case OpenAiCompletionsAdapter.API_KIND -> ChatScript.create().text("The module ", "parses the ", "arguments.")
          .usage(1200, 0, 8, 0).streaming();
      default -> AnthropicScript.create().text("The module ", "parses the ", "arguments.").usage(1200, 8, 0, 0).streaming();
    };
  }

  /** Reasoning/thinking, text and tool calls in turn; for Chat Completions 100 text deltas and 100 tool calls. */
  private FakeResponse response200() {
    switch (apiKind) {
      case OpenAiResponsesAdapter.API_KIND -> {
        ResponsesScript s = ResponsesScript.create().id("resp_big");
        for (int i = 0; i < RESPONSE_ITEMS; i++) {
          s = switch (i % 3) {
            case 0 -> s.reasoning(opaque(i, 200), "Step " + i + ": checking the next file.");
            case 1 -> s.text("Item " + i + " says ", "the test expects a trimmed value.");
            default -> s.functionCall("call_big_" + i, "read_file", "{\"path\":\"src/main/java/app/File" + i + ".java\"}");
          };
        }
        return s.usage(5000, 0, 4000, 1000).streaming();
      }
      case OpenAiCompletionsAdapter.API_KIND -> {
        ChatScript s = ChatScript.create().id("chatcmpl-big");
        for (int i = 0; i < RESPONSE_ITEMS / 2; i++) s = s.text("Part " + i + " of the answer. ");
        for (int i = 0; i < RESPONSE_ITEMS / 2; i++) {
          s = s.toolCall("call_big_" + i, "read_file", "{\"path\":\"src/main/java/app/File" + i + ".java\"}");
        }
        return s.usage(5000, 0, 4000, 0).streaming();
      }
      default -> {
        AnthropicScript s = AnthropicScript.create().id("msg_big");
        for (int i = 0; i < RESPONSE_ITEMS; i++) {
          s = switch (i % 3) {
            case 0 -> s.thinking("Step " + i + ": checking the next file.", opaque(i, 200));
            case 1 -> s.text("Item " + i + " says ", "the test expects a trimmed value.");
            default -> s.toolUse("toolu_big_" + i, "read_file", "{\"path\":\"src/main/java/app/File" + i + ".java\"}");
          };
        }
        return s.usage(5000, 4000, 0, 0).streaming();
      }
    }
  }
}
