package dev.lightspeed.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
  void serverHelpListsTheSchemaCommands() {
    assertThat(run("server", "--help")).isZero();
    assertThat(out.toString()).contains("schema-version").contains("LIGHTSPEED_POSTGRES_URL");
    out.getBuffer().setLength(0);
    assertThat(run("server", "migrate", "--help")).isZero();
    assertThat(out.toString()).contains("Apply pending PostgreSQL schema migrations, then exit.");
    out.getBuffer().setLength(0);
    assertThat(run("server", "schema-version", "--help")).isZero();
    assertThat(out.toString()).contains("Report the PostgreSQL schema's version and state; changes nothing.");
  }

  @Test
  void schemaVersionOfTheFileStoreSaysThereIsNoSchema() {
    assumeTrue(System.getenv("LIGHTSPEED_POSTGRES_URL") == null, "this shell selects PostgreSQL");

    assertThat(run("server", "schema-version")).isZero();
    assertThat(out.toString()).startsWith("file store at ").endsWith(": no schema (set LIGHTSPEED_POSTGRES_URL for PostgreSQL)\n");
  }

  @Test
  void versionNamesTheBuild() {
    assertThat(run("--version")).isZero();
    assertThat(out.toString()).startsWith("lightspeed ");
  }
}
