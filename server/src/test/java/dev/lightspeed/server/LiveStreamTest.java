package dev.lightspeed.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lightspeed.api.ApiJson;
import dev.lightspeed.api.Methods;
import dev.lightspeed.api.input.InputItem;
import dev.lightspeed.api.models.ModelListParams;
import dev.lightspeed.api.run.RunStartParams;
import dev.lightspeed.api.run.RunStartSource;
import dev.lightspeed.api.session.SessionStartParams;
import dev.lightspeed.testkit.provider.FakeProviderServer;
import dev.lightspeed.testkit.provider.ModelLists;
import dev.lightspeed.testkit.provider.ResponsesScript;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real provider path (LLM adapter over HTTP to the fake provider) behind the gateway: the SSE stream
 * carries the live turn's text deltas and every new log event; models/list asks the provider.
 */
class LiveStreamTest {
  @TempDir static Path home;
  static FakeProviderServer provider;
  static TestServer s;

  /** One server-sent event as the client parsed it. */
  record Frame(String event, String id, String data) {
    JsonNode json() {
      try {
        return ApiJson.mapper().readTree(data);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  @BeforeAll
  static void start() {
    provider = FakeProviderServer.start();
    Map<String, String> env = Map.of("OPENAI_BASE_URL", provider.url("/v1").toString(), "OPENAI_API_KEY", "sk-test");
    s = TestServer.withEffects(home, env, Effects.fromEnvironment(env));
  }

  @AfterAll
  static void stop() {
    s.close();
    provider.close();
  }

  static String session(String id) {
    try {
      ObjectNode config = (ObjectNode) ApiJson.mapper().readTree(
          "{\"model\":{\"providerId\":\"openai\",\"apiKind\":\"openai:responses\",\"model\":\"gpt-fake\"}}");
      return s.rpc.call(Methods.SESSION_START, new SessionStartParams(id, null, config, null)).at("/session/id").asText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Opens the stream and {@return a queue its frames arrive in} (the request runs until the test ends). */
  static BlockingQueue<Frame> stream(String path) {
    BlockingQueue<Frame> frames = new LinkedBlockingQueue<>();
    HttpRequest request = HttpRequest.newBuilder(s.rpc.uri(path)).header("Accept", "text/event-stream").GET().build();
    CompletableFuture<HttpResponse<Stream<String>>> response = s.rpc.http().sendAsync(request, HttpResponse.BodyHandlers.ofLines());
    response.thenAcceptAsync(r -> {
      String event = null;
      String id = null;
      StringBuilder data = new StringBuilder();
      for (String line : (Iterable<String>) r.body()::iterator) {
        if (line.isEmpty()) {
          if (event != null) frames.add(new Frame(event, id, data.toString()));
          event = null;
          id = null;
          data.setLength(0);
        } else if (line.startsWith("event: ")) {
          event = line.substring(7);
        } else if (line.startsWith("id: ")) {
          id = line.substring(4);
        } else if (line.startsWith("data: ")) {
          data.append(line.substring(6));
        }
      }
    });
    return frames;
  }

  static List<Frame> takeUntil(BlockingQueue<Frame> frames, Predicate<Frame> until) throws InterruptedException {
    List<Frame> taken = new ArrayList<>();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      Frame frame = frames.poll(100, TimeUnit.MILLISECONDS);
      if (frame == null) continue;
      taken.add(frame);
      if (until.test(frame)) return taken;
    }
    throw new AssertionError("the stream did not deliver the expected frame in 30 s; got " + taken);
  }

  static Predicate<Frame> eventOfType(String type) {
    return f -> f.event().equals("event") && f.json().at("/kind/type").asText().equals(type);
  }

  @Test
  void theStreamDeliversTextDeltasOfTheLiveTurnAndEveryNewEvent() throws Exception {
    String id = session("streamed");
    BlockingQueue<Frame> frames = stream("/sessions/" + id + "/stream");
    Frame ready = frames.poll(10, TimeUnit.SECONDS);
    assertThat(ready).isNotNull();
    assertThat(ready.event()).isEqualTo("ready");

    provider.enqueue(ResponsesScript.create().text("Hel", "lo ", "world").streaming());
    s.rpc.call(Methods.RUN_START, new RunStartParams(id, RunStartSource.input(InputItem.text("greet me")), null, "greet", null));

    List<Frame> got = takeUntil(frames, eventOfType("runCompleted"));
    String text = got.stream().filter(f -> f.event().equals("delta")).map(f -> f.json().get("text").asText()).reduce("", String::concat);
    assertThat(text).isEqualTo("Hello world");
    assertThat(got.stream().filter(f -> f.event().equals("delta")).map(f -> f.json().get("kind").asText())).containsOnly("text");
    List<String> types = got.stream().filter(f -> f.event().equals("event")).map(f -> f.json().at("/kind/type").asText()).toList();
    assertThat(types).containsSubsequence("runAccepted", "runStarted", "turnGenerationRequested", "turnGenerationCompleted", "runCompleted");
    int lastDelta = got.stream().map(Frame::event).toList().lastIndexOf("delta");
    assertThat(lastDelta).isLessThan(got.size() - 1);
    assertThat(got.stream().filter(f -> f.event().equals("event")).map(Frame::id).map(Long::parseLong)).isSorted();
  }

  @Test
  void aReconnectingClientReplaysTheLogFromItsCursor() throws Exception {
    String id = session("replayed");
    BlockingQueue<Frame> frames = stream("/sessions/" + id + "/stream?after=0");
    List<Frame> got = takeUntil(frames, eventOfType("sessionOpened"));
    assertThat(got.getLast().id()).isEqualTo("1");
  }

  @Test
  void aStreamOfAnUnknownSessionIsNotFound() {
    HttpResponse<String> response = s.rpc.get("/sessions/nobody/stream");
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).contains("\"kind\":\"not_found\"");
  }

  @Test
  void modelsListAsksTheProviderAndDropsNonChatModelsWhenAsked() {
    provider.enqueue("/v1/models", ModelLists.openAi("gpt-fake", "text-embedding-3-small"));
    JsonNode models = s.rpc.call(Methods.MODELS_LIST, new ModelListParams(true));
    assertThat(models.get("models").findValuesAsText("model")).containsExactly("gpt-fake");
    assertThat(models.at("/models/0/apiKind").asText()).isEqualTo("openai:responses");
    assertThat(models.at("/providers/0/providerId").asText()).isEqualTo("openai");
    assertThat(models.at("/providers/0/credential").asText()).isEqualTo("configured");
  }
}
