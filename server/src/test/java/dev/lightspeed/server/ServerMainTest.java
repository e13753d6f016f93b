package dev.lightspeed.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The process entry: usage and configuration errors exit 2 with a message, migrate is a no-op. */
class ServerMainTest {
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  ServerMain.Started run(Map<String, String> env, String... args) {
    return ServerMain.start(args, env, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void anUnknownRoleIsAUsageError() {
    ServerMain.Started started = run(Map.of(), "everything");
    assertThat(started.exitCode()).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo(
        "lightspeed server: unknown role \"everything\"; expected one of both, gateway, worker, migrate\n"
            + "usage: lightspeed server [both|gateway|worker|migrate]\n");
  }

  @Test
  void aBadVariableIsAConfigurationErrorNamingIt() {
    assertThat(run(Map.of("LIGHTSPEED_GATEWAY_ADDR", "nowhere")).exitCode()).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo(
        "lightspeed server: configuration error: LIGHTSPEED_GATEWAY_ADDR: expected host:port (e.g. 127.0.0.1:18080), not \"nowhere\"\n");
    err.reset();
    assertThat(run(Map.of("OPENAI_BASE_URL", "ftp://x")).exitCode()).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("lightspeed server: configuration error: OPENAI_BASE_URL");
  }

  @Test
  void splitRolesNeedATemporalCluster(@TempDir Path home) {
    assertThat(run(Map.of("LIGHTSPEED_HOME", home.toString()), "gateway").exitCode()).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("lightspeed server: configuration error: LIGHTSPEED_TEMPORAL_ADDRESS: "
        + "role gateway needs a Temporal cluster; embedded Temporal runs only with role both (set LIGHTSPEED_TEMPORAL_ADDRESS)\n");
  }

  @Test
  void migrateHasNothingToDoForTheFileStore(@TempDir Path home) {
    assertThat(run(Map.of("LIGHTSPEED_HOME", home.toString()), "migrate").exitCode()).isEqualTo(0);
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(
        "lightspeed server: nothing to migrate: the file store at " + home.toAbsolutePath().normalize() + " needs no schema changes\n");
  }

  @Test
  void theDefaultRoleStartsEverythingAndSaysWhereItListens(@TempDir Path home) {
    ServerMain.Started started = run(Map.of("LIGHTSPEED_HOME", home.toString(), "LIGHTSPEED_GATEWAY_ADDR", "127.0.0.1:0",
        "LIGHTSPEED_EMBEDDED_TEMPORAL_ADDR", "127.0.0.1:0"));
    try {
      assertThat(started.exitCode()).isEqualTo(0);
      String printed = out.toString(StandardCharsets.UTF_8);
      assertThat(printed).contains("lightspeed server: role both, store " + home.toAbsolutePath().normalize())
          .contains("lightspeed server: Temporal embedded at 127.0.0.1:" + started.server().temporalAddress().port())
          .contains("lightspeed server: gateway listening on http://127.0.0.1:" + started.server().gatewayPort());
    } finally {
      started.server().close();
    }
  }
}
