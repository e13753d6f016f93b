package dev.lightspeed.store.pg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeed.store.pg.testing.TestSchema;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MigrationsTest {
  private TestSchema db;
  private Migrations migrations;

  @BeforeEach
  void emptySchema() {
    db = TestSchema.create(MigrationsTest.class, false);
    migrations = new Migrations(db.pool().dataSource());
  }

  @AfterEach
  void dropSchema() {
    db.close();
  }

  @Test
  void anEmptyDatabaseIsBehindAndNamesTheMigrateCommand() {
    SchemaStatus status = migrations.status();

    assertThat(status).isEqualTo(new SchemaStatus(SchemaStatus.State.BEHIND, Optional.empty(), "4", List.of("1", "2", "3", "4")));
    assertThatThrownBy(migrations::requireCurrent)
        .isInstanceOf(SchemaMismatchException.class)
        .hasMessage("PostgreSQL schema version none, this build expects 4: 4 migration(s) pending (1, 2, 3, 4); "
            + "run `lightspeed server migrate`");
  }

  @Test
  void migrateAppliesEveryMigrationOnceAndTheSchemaIsThenCurrent() {
    assertThat(migrations.migrate()).containsExactly("1", "2", "3", "4");
    assertThat(migrations.migrate()).isEmpty();

    assertThat(migrations.status()).isEqualTo(new SchemaStatus(SchemaStatus.State.CURRENT, Optional.of("4"), "4", List.of()));
    assertThat(migrations.status().describe()).isEqualTo("schema version 4, this build expects 4: up to date");
    migrations.requireCurrent();
  }

  @Test
  void statusChangesNothing() {
    migrations.status();
    migrations.status();

    assertThat(migrations.status().state()).isEqualTo(SchemaStatus.State.BEHIND);
  }

  @Test
  void aSchemaMigratedByANewerBuildIsRefused() {
    migrations.migrate();
    db.execute("INSERT INTO lightspeed_schema_history (installed_rank, version, description, type, script, checksum,"
        + " installed_by, execution_time, success) VALUES (5, '5', 'from the future', 'SQL', 'V5__from_the_future.sql', 0,"
        + " 'test', 0, true)");

    SchemaStatus status = migrations.status();

    assertThat(status.state()).isEqualTo(SchemaStatus.State.NEWER);
    assertThat(status.current()).contains("5");
    assertThatThrownBy(migrations::requireCurrent)
        .isInstanceOf(SchemaMismatchException.class)
        .hasMessage("PostgreSQL schema version 5, this build expects 4: the database was migrated by a newer Lightspeed;"
            + " run that version (or a newer one) instead of this one");
    assertThatThrownBy(migrations::migrate).isInstanceOf(SchemaMismatchException.class);
  }
}
