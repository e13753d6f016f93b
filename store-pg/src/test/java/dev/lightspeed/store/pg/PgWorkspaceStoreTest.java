package dev.lightspeed.store.pg;

import dev.lightspeed.store.pg.testing.TestSchema;
import dev.lightspeed.store.vfs.WorkspaceStore;
import dev.lightspeed.testkit.store.ManualClock;
import dev.lightspeed.testkit.store.WorkspaceStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class PgWorkspaceStoreTest extends WorkspaceStoreContract {
  private static TestSchema db;

  @BeforeAll
  static void createSchema() {
    db = TestSchema.create(PgWorkspaceStoreTest.class);
  }

  @AfterAll
  static void dropSchema() {
    db.close();
  }

  @Override
  protected WorkspaceStore newStore(ManualClock clock) {
    db.truncate();
    return new PgWorkspaceStore(db.pool(), clock);
  }
}
