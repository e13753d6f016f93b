package dev.lightspeed.store.pg;

import dev.lightspeed.store.StoreIoException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The Lightspeed schema's versions (Flyway migrations under {@code db/lightspeed} on the class path, history
 * in table {@value #HISTORY_TABLE}). Servers never migrate on their own: an operator runs
 * {@value #MIGRATE_COMMAND} once per upgrade, and every server checks with {@link #requireCurrent} that the
 * schema is exactly the one it was built for before it starts.
 */
public final class Migrations {
  /** The command that applies pending migrations. */
  public static final String MIGRATE_COMMAND = "lightspeed server migrate";
  /** The command that reports the schema's state without changing it. */
  public static final String STATUS_COMMAND = "lightspeed server schema-version";
  /** Flyway's history table; its own name so Lightspeed can share a database with other applications. */
  public static final String HISTORY_TABLE = "lightspeed_schema_history";

  private final Flyway flyway;

  /** Migrations of the database {@code dataSource} connects to, in the connection's current schema. */
  public Migrations(DataSource dataSource) {
    Objects.requireNonNull(dataSource, "dataSource");
    this.flyway = Flyway.configure(Migrations.class.getClassLoader())
        .dataSource(dataSource)
        .locations("classpath:db/lightspeed")
        .table(HISTORY_TABLE)
        .validateMigrationNaming(true)
        .load();
  }

  /**
   * {@return the schema's state, read without changing anything}
   *
   * @throws StoreIoException when the database cannot be read
   */
  public SchemaStatus status() {
    MigrationInfoService info = flyway("read the schema version", flyway::info);
    List<String> pending = new ArrayList<>();
    boolean newer = false;
    boolean failed = false;
    Optional<String> current = Optional.empty();
    String expected = "none";
    for (MigrationInfo m : info.all()) {
      MigrationState state = m.getState();
      if (state == MigrationState.PENDING) pending.add(version(m));
      if (state == MigrationState.FUTURE_SUCCESS || state == MigrationState.FUTURE_FAILED) newer = true;
      if (state.isFailed()) failed = true;
      if (state.isApplied() && m.getVersion() != null) current = Optional.of(version(m));
      if (state.isResolved() && m.getVersion() != null) expected = version(m);
    }
    SchemaStatus.State verdict = failed ? SchemaStatus.State.FAILED
        : newer ? SchemaStatus.State.NEWER
        : !pending.isEmpty() ? SchemaStatus.State.BEHIND
        : SchemaStatus.State.CURRENT;
    return new SchemaStatus(verdict, current, expected, pending);
  }

  /**
   * Applies every pending migration, each in its own transaction; a no-op on a current schema.
   *
   * @return the versions applied, oldest first
   * @throws SchemaMismatchException when the database is newer than this build or a migration failed before
   * @throws StoreIoException when a migration fails
   */
  public List<String> migrate() {
    SchemaStatus before = status();
    if (before.state() == SchemaStatus.State.NEWER || before.state() == SchemaStatus.State.FAILED) {
      throw new SchemaMismatchException(before);
    }
    MigrateResult result = flyway("migrate the schema", flyway::migrate);
    return result.migrations.stream().map(m -> m.version).toList();
  }

  /**
   * Checks that the schema is exactly this build's.
   *
   * @throws SchemaMismatchException naming the command to run when it is not
   */
  public void requireCurrent() {
    SchemaStatus status = status();
    if (status.state() != SchemaStatus.State.CURRENT) throw new SchemaMismatchException(status);
  }

  private static String version(MigrationInfo m) {
    return m.getVersion() == null ? m.getDescription() : m.getVersion().getVersion();
  }

  private static <T> T flyway(String what, Supplier<T> call) {
    try {
      return call.get();
    } catch (FlywayException e) {
      String message = "cannot " + what + ": " + e.getMessage();
      throw new StoreIoException(message, new IOException(message, e));
    }
  }
}
