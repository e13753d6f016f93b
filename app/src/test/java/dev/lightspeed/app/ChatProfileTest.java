package dev.lightspeed.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lightspeed.api.ApiJson;
import dev.lightspeed.api.profile.AgentProfileInput;
import dev.lightspeed.api.profile.ProfileCreateParams;
import dev.lightspeed.api.profile.ProfileCreateResponse;
import dev.lightspeed.api.profile.ProfileInstructions;
import dev.lightspeed.server.ServerConfig;
import dev.lightspeed.testkit.provider.ResponsesScript;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lightspeed chat --profile NAME}: a new session starts with the stored profile; with --session it is applied. */
class ChatProfileTest {
  @TempDir static Path home;
  @TempDir static Path clientHome;
  static TestGateway gateway;

  @BeforeAll
  static void start() throws IOException {
    gateway = new TestGateway(home);
    ObjectNode config = (ObjectNode) ApiJson.mapper().readTree("{\"limits\":{\"maxTurns\":4}}");
    gateway.client().call(new ProfileCreateParams(new AgentProfileInput("terse", "Terse", null, config,
        new ProfileInstructions.Text("Answer in one short sentence."), null)), ProfileCreateResponse.class);
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  static CliRun.Result run(String... args) {
    return CliRun.run(Map.of(ServerConfig.HOME, clientHome.toString()), GatewayCommandsTest.withUrlOf(gateway, args));
  }

  @Test
  void aNewChatStartsWithTheProfileAndAResumedOneHasItApplied() throws IOException {
    gateway.provider.enqueue(ResponsesScript.create().text("Short.").streaming());
    CliRun.Result chat = run("chat", "--profile", "terse", "--json", "explain monads");
    assertThat(chat.exitCode()).as(chat.err()).isZero();
    String session = ApiJson.mapper().readTree(chat.out()).get("sessionId").asText();
    assertThat(lastRequest()).contains("Answer in one short sentence.");
    JsonNode shown = ApiJson.mapper().readTree(run("sessions", "show", session, "--json").out());
    assertThat(shown.findValue("config").at("/limits/maxTurns").asInt()).isEqualTo(4);

    gateway.provider.enqueue(ResponsesScript.create().text("plain").streaming());
    String other = ApiJson.mapper().readTree(run("chat", "--json", "hello").out()).get("sessionId").asText();
    assertThat(lastRequest()).doesNotContain("Answer in one short sentence.");
    gateway.provider.enqueue(ResponsesScript.create().text("Fine.").streaming());
    CliRun.Result resumed = run("chat", "--session", other, "--profile", "terse", "--json", "and now?");
    assertThat(resumed.exitCode()).as(resumed.err()).isZero();
    assertThat(lastRequest()).contains("Answer in one short sentence.");

    CliRun.Result missing = run("chat", "--profile", "nobody", "--json", "hi");
    assertThat(missing.exitCode()).isNotZero();
    assertThat(missing.err()).contains("nobody");
  }

  private static String lastRequest() {
    return gateway.provider.requests().stream().map(r -> r.bodyText()).reduce((a, b) -> b).orElseThrow();
  }
}
