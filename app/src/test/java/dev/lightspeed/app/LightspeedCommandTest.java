package dev.lightspeed.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command surface: help lists the commands, a bad role is a usage error naming the roles. */
class LightspeedCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = Lightspeed.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void helpListsTheServerCommand() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString()).contains("lightspeed").contains("server");
  }

  @Test
  void serverHelpNamesTheRolesAndTheEnvironment() {
    assertThat(run("server", "--help")).isZero();
    assertThat(out.toString()).contains("both").contains("gateway").contains("worker").contains("migrate")
        .contains("LIGHTSPEED_TEMPORAL_ADDRESS");
  }

  @Test
  void anUnknownRoleIsAUsageErrorThatListsTheRoles() {
    assertThat(run("server", "bogus")).isEqualTo(2);
    assertThat(err.toString()).contains("unknown role \"bogus\"").contains("both, gateway, worker, migrate");
  }

  @Test
  void versionNamesTheBuild() {
    assertThat(run("--version")).isZero();
    assertThat(out.toString()).startsWith("lightspeed ");
  }
}
