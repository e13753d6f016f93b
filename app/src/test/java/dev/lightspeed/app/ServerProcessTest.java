package dev.lightspeed.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lightspeed.testkit.provider.FakeProviderServer;
import dev.lightspeed.testkit.provider.ResponsesScript;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lightspeed server} as its own process: SIGTERM shuts it down gracefully (a model call still in
 * flight after the grace period is handed back), and the next process on the same home finishes the run.
 */
class ServerProcessTest {
  private static final Pattern GATEWAY = Pattern.compile("gateway listening on (http://\\S+)");
  private static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir Path home;

  @Test
  void sigtermStopsTheServerGracefullyAndTheRunItInterruptedFinishesInTheNextProcess() throws Exception {
    try (FakeProviderServer provider = FakeProviderServer.start()) {
      provider.enqueue(ResponsesScript.create().text("lost ", "words").streaming().hangAfterEvents(1));
      provider.enqueue(ResponsesScript.create().text("after ", "the restart").streaming());

      ServerProcess first = ServerProcess.start(home, provider);
      first.rpc("session/start", "{\"sessionId\":\"sigterm\",\"config\":{\"model\":{\"providerId\":\"openai\","
          + "\"apiKind\":\"openai:responses\",\"model\":\"gpt-fake\"}}}");
      String run = first.rpc("session/runs/start", "{\"sessionId\":\"sigterm\",\"submissionId\":\"first\","
          + "\"source\":{\"type\":\"input\",\"items\":[{\"type\":\"text\",\"text\":\"hello\"}]}}");
      assertThat(run).contains("\"result\"");
      eventually("the provider holds the model call", () -> provider.responsesInFlight() == 1);

      first.process.destroy(); // SIGTERM
      assertThat(first.process.waitFor(30, TimeUnit.SECONDS)).as("exited after SIGTERM").isTrue();
      assertThat(first.process.exitValue()).isEqualTo(143);
      assertThat(first.out()).contains("lightspeed server: shutting down").doesNotContain("Exception");

      ServerProcess second = ServerProcess.start(home, provider);
      try {
        StringBuilder events = new StringBuilder();
        eventually("the run completed in the second process", () -> {
          events.setLength(0);
          events.append(second.rpc("session/events/read", "{\"sessionId\":\"sigterm\",\"limit\":512}"));
          return events.toString().contains("\"runCompleted\"");
        });
        assertThat(events.toString()).doesNotContain("\"runFailed\"").doesNotContain("\"runCancelled\"");
        assertThat(events.toString().split("\"runCompleted\"", -1)).as("completed once").hasSize(2);
        Matcher output = Pattern.compile("\"outputRef\":\"([^\"]+)\"").matcher(events);
        assertThat(output.find()).isTrue();
        Matcher bytes = Pattern.compile("\"bytesBase64\":\"([^\"]+)\"").matcher(second.rpc("blobs/read", "{\"blobRef\":\"" + output.group(1) + "\"}"));
        assertThat(bytes.find()).isTrue();
        assertThat(new String(Base64.getDecoder().decode(bytes.group(1)), StandardCharsets.UTF_8)).contains("after the restart");
        assertThat(provider.requestCount()).as("one request lost with the first process, one more").isEqualTo(2);
      } finally {
        second.process.destroy();
        second.process.waitFor(30, TimeUnit.SECONDS);
      }
    }
  }

  private static void eventually(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting until " + what);
      Thread.sleep(50);
    }
  }

  /** A {@code lightspeed server} child process on free ports, its output going to a file. */
  private record ServerProcess(Process process, Path output, URI gateway) {
    static ServerProcess start(Path home, FakeProviderServer provider) throws Exception {
      Path output = Files.createTempFile(home, "server", ".out");
      ProcessBuilder builder = new ProcessBuilder(LightspeedProcess.command(home, "server")).redirectErrorStream(true)
          .redirectOutput(output.toFile());
      builder.environment().putAll(TestGateway.providerEnv(provider, home));
      Process process = builder.start();
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (System.nanoTime() < deadline) {
        Matcher m = GATEWAY.matcher(Files.readString(output));
        if (m.find()) return new ServerProcess(process, output, URI.create(m.group(1)));
        if (!process.isAlive()) break;
        Thread.sleep(50);
      }
      process.destroyForcibly();
      throw new AssertionError("the server did not say where it listens: " + Files.readString(output));
    }

    String out() throws IOException {
      return Files.readString(output);
    }

    String rpc(String method, String params) {
      String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":" + params + "}";
      try (HttpClient http = HttpClient.newHttpClient()) {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(gateway.resolve("/rpc"))
            .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        return response.body();
      } catch (IOException e) {
        throw new AssertionError(method + " failed: " + e.getMessage(), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }
  }
}
