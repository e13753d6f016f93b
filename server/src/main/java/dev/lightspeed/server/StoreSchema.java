package dev.lightspeed.server;

import dev.lightspeed.store.StoreException;
import dev.lightspeed.store.pg.Migrations;
import dev.lightspeed.store.pg.PgPool;
import dev.lightspeed.store.pg.SchemaMismatchException;
import dev.lightspeed.store.pg.SchemaStatus;
import java.io.PrintWriter;
import java.util.List;
import java.util.Objects;

/**
 * The operator commands on the store's schema, {@value Migrations#MIGRATE_COMMAND} and
 * {@value Migrations#STATUS_COMMAND}. The file store has no schema, so both only say so. Exit codes: 0 done
 * (for the status: the schema is current), 1 the schema is not current or a migration failed, 2 bad
 * configuration.
 */
public final class StoreSchema {
  private final ServerConfig config;
  private final PrintWriter out;
  private final PrintWriter err;

  public StoreSchema(ServerConfig config, PrintWriter out, PrintWriter err) {
    this.config = Objects.requireNonNull(config, "config");
    this.out = Objects.requireNonNull(out, "out");
    this.err = Objects.requireNonNull(err, "err");
  }

  /** Applies pending migrations and reports what it did. {@return the exit code} */
  public int migrate() {
    if (config.postgres().isEmpty()) {
      out.println("nothing to migrate: the file store at " + config.home() + " needs no schema changes");
      return 0;
    }
    try (PgPool pool = ServerStores.connect(config.postgres().get())) {
      Migrations migrations = new Migrations(pool.dataSource());
      List<String> applied = migrations.migrate();
      out.println(applied.isEmpty()
          ? "PostgreSQL schema is up to date at version " + migrations.status().expected() + " (" + pool.url() + ")"
          : "PostgreSQL schema migrated to version " + applied.getLast() + " (applied " + String.join(", ", applied) + "; "
              + pool.url() + ")");
      return 0;
    } catch (ServerConfigException e) {
      err.println("configuration error: " + e.getMessage());
      return 2;
    } catch (SchemaMismatchException | StoreException e) {
      err.println("migration failed: " + e.getMessage());
      return 1;
    }
  }

  /** Reports the schema's state without changing it. {@return the exit code: 0 only when current} */
  public int status() {
    if (config.postgres().isEmpty()) {
      out.println("file store at " + config.home() + ": no schema (set " + PostgresConfig.POSTGRES_URL + " for PostgreSQL)");
      return 0;
    }
    try (PgPool pool = ServerStores.connect(config.postgres().get())) {
      SchemaStatus status = new Migrations(pool.dataSource()).status();
      out.println("PostgreSQL " + status.describe() + " (" + pool.url() + ")");
      return status.state() == SchemaStatus.State.CURRENT ? 0 : 1;
    } catch (ServerConfigException e) {
      err.println("configuration error: " + e.getMessage());
      return 2;
    } catch (StoreException e) {
      err.println("cannot read the schema version: " + e.getMessage());
      return 1;
    }
  }
}
