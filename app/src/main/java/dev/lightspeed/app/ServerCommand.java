package dev.lightspeed.app;

import dev.lightspeed.server.Role;
import dev.lightspeed.server.ServerMain;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code lightspeed server [both|gateway|worker]}: runs the server process until SIGTERM; the subcommands
 * {@code migrate} and {@code schema-version} manage the PostgreSQL store's schema and exit.
 */
@Command(
    name = "server",
    mixinStandardHelpOptions = true,
    subcommands = {ServerMigrateCommand.class, ServerSchemaVersionCommand.class},
    description = {
        "Runs the Lightspeed server: the JSON-RPC gateway and the session worker.",
        "Without LIGHTSPEED_TEMPORAL_ADDRESS it starts an embedded Temporal server.",
        "Sessions live under LIGHTSPEED_HOME, or in PostgreSQL when LIGHTSPEED_POSTGRES_URL is set",
        "(large blobs in S3 with LIGHTSPEED_OBJECT_STORE_BUCKET; see the README)."},
    footer = {
        "",
        "Roles:",
        "  both     gateway and worker in one process (default)",
        "  gateway  only the HTTP gateway (needs LIGHTSPEED_TEMPORAL_ADDRESS)",
        "  worker   only the session worker (needs LIGHTSPEED_TEMPORAL_ADDRESS)",
        "  migrate  prepare the store's schema and exit (same as the migrate command)",
        "",
        "Commands:",
        "  migrate         apply pending PostgreSQL schema migrations, then exit",
        "  schema-version  report the PostgreSQL schema's state without changing it"})
final class ServerCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "ROLE", defaultValue = "both", description = "both | gateway | worker | migrate")
  String role;

  @Override
  public Integer call() throws InterruptedException {
    try {
      Role.parse(role);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    ServerMain.main(new String[] {role}); // runs until the process is told to stop
    return 0;
  }
}
