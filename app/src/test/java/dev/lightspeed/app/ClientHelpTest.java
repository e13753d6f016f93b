package dev.lightspeed.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The client commands' help (examples and exit codes on every one) and their usage errors (exit code 2). */
class ClientHelpTest {
  private static final Map<String, String> ENV = Map.of("LIGHTSPEED_API_URL", "http://127.0.0.1:9");

  @Test
  void theRootHelpListsTheClientCommandsWithExamples() {
    CliRun.Result help = CliRun.run(ENV, "--help");
    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).contains("  chat ", "  sessions ", "  events ", "  vfs ", "  mcp ", "Examples:", "lightspeed chat --new");
  }

  @ParameterizedTest
  @ValueSource(strings = {"chat", "sessions", "sessions list", "sessions show", "sessions close", "sessions delete", "events", "vfs", "vfs snapshot",
      "vfs materialize", "vfs workspaces", "vfs workspaces list", "mcp", "mcp add", "mcp list", "mcp remove"})
  void everyClientCommandsHelpHasExamplesAndExitCodes(String command) {
    CliRun.Result help = CliRun.run(ENV, (command + " --help").split(" "));
    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).contains("Examples:", "Exit codes:", "0 ", "4 ", "5 ");
    if (!List.of("sessions", "vfs", "vfs workspaces", "mcp").contains(command)) assertThat(help.out()).contains("--api-url=URL");
  }

  @Test
  void badOptionsAreUsageErrorsThatSayWhatIsWrong() {
    assertUsage(CliRun.run(ENV, "chat", "--effort", "extreme", "hi"), "--effort: unknown effort \"extreme\"; expected one of none, low, medium, high");
    assertUsage(CliRun.run(ENV, "chat", "--json"), "no message: give a MESSAGE, pipe one in, or run in a terminal");
    assertUsage(CliRun.run(ENV, "chat", "--api-kind", "gemini", "hi"), "--api-kind: expected openai:responses, openai:completions or anthropic:messages");
    assertUsage(CliRun.run(ENV, "chat", "--max-tokens", "0", "hi"), "--max-tokens must be a positive number of tokens, not 0");
    assertUsage(CliRun.run(ENV, "chat", "--new", "--session", "x", "hi"), "mutually exclusive");
    assertUsage(CliRun.run(ENV, "chat", "--api-url", "ftp://x", "hi"), "--api-url: expected a gateway URL such as http://127.0.0.1:18080, not \"ftp://x\"");
    assertUsage(CliRun.run(ENV, "sessions"), "Specify a subcommand: list, show, close or delete");
    assertUsage(CliRun.run(ENV, "vfs"), "Specify a subcommand: snapshot, materialize or workspaces");
    assertUsage(CliRun.run(ENV, "chat", "--mount", ".", "--mount-path", "work", "hi"),
        "--mount-path: expected an absolute path such as /workspace, not \"work\"");
  }

  private static void assertUsage(CliRun.Result result, String message) {
    assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
    assertThat(result.err()).startsWith("lightspeed: ").contains(message).contains("--help' for its options and examples.");
    assertThat(result.err().lines()).hasSize(2);
    assertThat(result.out()).isEmpty();
  }
}
