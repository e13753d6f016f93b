package dev.lightspeed.app;

import dev.lightspeed.server.StoreSchema;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code lightspeed server migrate}: applies pending schema migrations to the PostgreSQL store and exits. */
@Command(
    name = "migrate",
    mixinStandardHelpOptions = true,
    header = "Apply pending PostgreSQL schema migrations, then exit.",
    description = {
        "Brings the database LIGHTSPEED_POSTGRES_URL names to this build's schema. Run it once per upgrade,",
        "before starting servers of the new version; servers refuse to start on an older or newer schema.",
        "Without LIGHTSPEED_POSTGRES_URL there is nothing to do: the file store has no schema."},
    footer = {"", "Exit codes: 0 migrated or already up to date, 1 a migration failed or the schema is newer, 2 bad configuration."})
final class ServerMigrateCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    return SchemaCommands.run(spec, StoreSchema::migrate);
  }
}
