package dev.lightspeed.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lightspeed.api.ApiJson;
import dev.lightspeed.testkit.provider.FakeProviderServer;
import dev.lightspeed.testkit.provider.OpenAiErrors;
import dev.lightspeed.testkit.provider.ResponsesScript;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lightspeed chat MESSAGE} with no gateway named: each command starts the embedded runtime in-process
 * (embedded Temporal, the file store in a temporary LIGHTSPEED_HOME) and its sessions call a fake OpenAI.
 */
class EmbeddedChatTest {
  private static final Pattern SESSION = Pattern.compile("lightspeed: session (\\S+) ");

  @TempDir static Path home;
  static FakeProviderServer provider;
  static Map<String, String> env;

  @BeforeAll
  static void start() {
    provider = FakeProviderServer.start();
    env = TestGateway.providerEnv(provider, home);
  }

  @AfterAll
  static void stop() {
    provider.close();
  }

  @Test
  void aOneShotMessagePrintsTheStreamedAnswerAndExitsZero() {
    int seen = provider.requestCount();
    provider.enqueue(ResponsesScript.create().text("Hel", "lo ", "world").streaming());

    CliRun.Result result = CliRun.run(env, "chat", "--new", "greet", "me");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).isEqualTo("Hello world\n");
    assertThat(result.err()).containsPattern("lightspeed: session \\S+ · gpt-fake");
    assertThat(provider.requests().get(seen).bodyText()).contains("greet me");
  }

  @Test
  void jsonPrintsExactlyOneDocumentWithTheOutcome() throws Exception {
    provider.enqueue(ResponsesScript.create().functionCall("call_1", "read_file", "{\"path\":\"README.md\"}").streaming());
    provider.enqueue(ResponsesScript.create().text("It is ", "a readme.").streaming());

    CliRun.Result result = CliRun.run(env, "chat", "--json", "what", "is", "in", "README.md?");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out().lines()).hasSize(1);
    assertThat(result.err()).isEmpty();
    JsonNode doc = ApiJson.mapper().readTree(result.out());
    assertThat(doc.path("sessionId").asText()).isNotBlank();
    assertThat(doc.path("runId").asText()).isEqualTo("1");
    assertThat(doc.path("status").asText()).isEqualTo("completed");
    assertThat(doc.path("text").asText()).isEqualTo("It is a readme.");
    assertThat(doc.path("toolCalls")).hasSize(1);
    assertThat(doc.at("/toolCalls/0/name").asText()).isEqualTo("read_file");
    assertThat(doc.at("/toolCalls/0/callId").asText()).isEqualTo("call_1");
    assertThat(doc.at("/toolCalls/0/status").asText()).isEqualTo("unavailable");
    assertThat(doc.path("usage").has("inputTokens")).isTrue();
    assertThat(doc.path("usage").has("outputTokens")).isTrue();
    assertThat(doc.path("usage").has("cachedInputTokens")).isTrue();
    assertThat(doc.has("error")).isFalse();
  }

  @Test
  void aSessionIsResumedWithSessionByALaterCommand() {
    int seen = provider.requestCount();
    provider.enqueue(ResponsesScript.create().text("Noted: the code word is heron.").streaming());
    CliRun.Result first = CliRun.run(env, "chat", "--new", "remember the code word heron");
    assertThat(first.exitCode()).as(first.err()).isZero();
    Matcher session = SESSION.matcher(first.err());
    assertThat(session.find()).as(first.err()).isTrue();

    provider.enqueue(ResponsesScript.create().text("heron").streaming());
    CliRun.Result second = CliRun.run(env, "chat", "--session", session.group(1), "what was the code word?");

    assertThat(second.exitCode()).as(second.err()).isZero();
    assertThat(second.out()).isEqualTo("heron\n");
    String sent = provider.requests().get(seen + 1).bodyText();
    assertThat(sent).contains("remember the code word heron", "Noted: the code word is heron.", "what was the code word?");
  }

  @Test
  void aFailedRunExitsOneWithTheReason() throws Exception {
    provider.enqueue(OpenAiErrors.invalidApiKey());

    CliRun.Result result = CliRun.run(env, "chat", "--json", "hello?");

    assertThat(result.exitCode()).isEqualTo(1);
    JsonNode doc = ApiJson.mapper().readTree(result.out());
    assertThat(doc.path("status").asText()).isEqualTo("failed");
    assertThat(doc.path("error").asText()).contains("401");
  }

  @Test
  void withoutAProviderItSaysWhichVariablesToSetAndExitsTwo() {
    Map<String, String> bare = new HashMap<>(env);
    bare.remove("OPENAI_BASE_URL");
    bare.remove("OPENAI_API_KEY");

    CliRun.Result result = CliRun.run(bare, "chat", "--new", "hi");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).startsWith("lightspeed: no model provider is configured.")
        .contains("OPENAI_API_KEY", "ANTHROPIC_API_KEY", "OPENAI_BASE_URL");
    assertThat(result.err().lines()).hasSize(1);
  }
}
