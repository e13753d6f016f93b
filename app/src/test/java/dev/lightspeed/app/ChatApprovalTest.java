package dev.lightspeed.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lightspeed.server.ServerConfig;
import dev.lightspeed.testkit.mcp.EverythingServer;
import dev.lightspeed.testkit.provider.ResponsesScript;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An MCP server registered with {@code --approval always}: in the chat (a real pseudo-terminal, tmux) the
 * model's call to it waits, the chat asks, {@code /approve} lets it run on the real server and {@code /deny}
 * keeps it from running, and the model hears either way.
 */
class ChatApprovalTest {
  @TempDir static Path home;
  @TempDir static Path clientHome;
  static TestGateway gateway;

  @BeforeAll
  static void start() {
    assumeTrue(Tmux.available(), "tmux is not installed (.ci/run installs it)");
    EverythingServer.assumeNpx();
    gateway = new TestGateway(home);
  }

  @AfterAll
  static void stop() {
    if (gateway != null) gateway.close();
  }

  @Test
  void theChatAsksBeforeAGatedToolRunsAndApproveOrDenyAnswersIt() {
    List<String> add = new ArrayList<>(List.of("mcp", "add", "gated", "--approval", "always", "--allow", "echo", "--command"));
    add.addAll(EverythingServer.STDIO_COMMAND);
    CliRun.Result added = CliRun.run(Map.of(ServerConfig.HOME, clientHome.toString()),
        GatewayCommandsTest.withUrlOf(gateway, add.toArray(String[]::new)));
    assertThat(added.exitCode()).as(added.err()).isZero();

    gateway.provider.enqueue(ResponsesScript.create().functionCall("call_a", "mcp__gated__echo", "{\"message\":\"hello gate\"}").streaming());
    gateway.provider.enqueue(ResponsesScript.create().text("the server echoed it").streaming());
    gateway.provider.enqueue(ResponsesScript.create().functionCall("call_b", "mcp__gated__echo", "{\"message\":\"again\"}").streaming());
    gateway.provider.enqueue(ResponsesScript.create().text("all right, I will not").streaming());

    try (Tmux tmux = Tmux.start(140, 40, LightspeedProcess.command(clientHome, "chat", "--api-url", gateway.url().toString(), "--new",
        "--mcp", "gated"))) {
      tmux.await("gpt-fake · session ");
      tmux.type("echo hello gate");
      tmux.await("wants to call mcp__gated__echo");
      tmux.await("/approve or /deny");
      tmux.type("/approve");
      tmux.await("approved mcp__gated__echo");
      tmux.await("the server echoed it");
      assertThat(lastRequest()).contains("Echo: hello gate");

      tmux.type("once more");
      tmux.await("(call_b)");
      tmux.type("/deny not today");
      tmux.await("denied mcp__gated__echo");
      tmux.await("all right, I will not");
      assertThat(lastRequest()).contains("The user denied this tool call", "not today").doesNotContain("Echo: again");
      tmux.send("C-d");
      tmux.await("resume this session with");
    }
  }

  private static String lastRequest() {
    return gateway.provider.requests().stream().map(r -> r.bodyText()).reduce((a, b) -> b).orElseThrow();
  }
}
