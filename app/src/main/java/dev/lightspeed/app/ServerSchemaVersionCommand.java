package dev.lightspeed.app;

import dev.lightspeed.server.StoreSchema;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code lightspeed server schema-version}: reports the PostgreSQL store's schema state without changing it. */
@Command(
    name = "schema-version",
    mixinStandardHelpOptions = true,
    header = "Report the PostgreSQL schema's version and state; changes nothing.",
    description = {
        "Compares the schema of the database LIGHTSPEED_POSTGRES_URL names with the one this build expects",
        "and says whether it is up to date, behind (run `lightspeed server migrate`), or newer than this build."},
    footer = {"", "Exit codes: 0 up to date (or the file store), 1 behind, newer or unreadable, 2 bad configuration."})
final class ServerSchemaVersionCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    return SchemaCommands.run(spec, StoreSchema::status);
  }
}
