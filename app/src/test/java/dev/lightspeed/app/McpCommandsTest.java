package dev.lightspeed.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lightspeed.api.ApiJson;
import dev.lightspeed.server.ServerConfig;
import dev.lightspeed.testkit.provider.ResponsesScript;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lightspeed mcp add|list|remove} and {@code chat --mcp} against a running gateway. */
class McpCommandsTest {
  @TempDir static Path home;
  @TempDir static Path clientHome;
  static TestGateway gateway;
  static Map<String, String> clientEnv;

  @BeforeAll
  static void start() {
    gateway = new TestGateway(home);
    clientEnv = Map.of(ServerConfig.HOME, clientHome.toString());
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  static CliRun.Result run(String... args) {
    return CliRun.run(clientEnv, GatewayCommandsTest.withUrlOf(gateway, args));
  }

  @Test
  void serversAreAddedListedGrantedToAChatAndRemoved() throws IOException {
    // Nothing listens on port 9 of loopback: the session simply gets no tools from it, the chat goes on.
    CliRun.Result added = run("mcp", "add", "docs", "--url", "http://127.0.0.1:9/mcp", "--header", "Authorization=Bearer secret-1");
    assertThat(added.exitCode()).as(added.err()).isZero();
    assertThat(added.out()).contains("registered MCP server docs (http://127.0.0.1:9/mcp, revision 1)", "lightspeed chat --mcp docs");

    CliRun.Result listed = run("mcp", "list");
    assertThat(listed.out()).contains("docs", "harness", "Authorization", "http://127.0.0.1:9/mcp").doesNotContain("secret-1");
    JsonNode json = ApiJson.mapper().readTree(run("mcp", "list", "--json").out());
    assertThat(json.at("/servers/0/serverId").asText()).isEqualTo("docs");

    gateway.provider.enqueue(ResponsesScript.create().text("no docs today").streaming());
    CliRun.Result chat = run("chat", "--mcp", "docs", "--json", "hello");
    assertThat(chat.exitCode()).as(chat.err()).isZero();
    String session = ApiJson.mapper().readTree(chat.out()).get("sessionId").asText();
    JsonNode shown = ApiJson.mapper().readTree(run("sessions", "show", session, "--json").out());
    assertThat(shown.findValue("config").at("/features/mcp/servers/0/serverId").asText()).isEqualTo("docs");

    assertThat(run("mcp", "remove", "docs").out()).contains("removed MCP server docs");
    assertThat(run("mcp", "list").out()).contains("no MCP servers yet");
    CliRun.Result missing = run("mcp", "remove", "docs");
    assertThat(missing.exitCode()).isNotZero();
    assertThat(missing.err()).contains("docs");
  }

  @Test
  void addNeedsExactlyOneWayToReachTheServer() {
    CliRun.Result neither = run("mcp", "add", "x");
    assertThat(neither.exitCode()).isEqualTo(2);
    assertThat(neither.err()).contains("Give exactly one of --url URL or --command CMD");
  }
}
