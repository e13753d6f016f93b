package dev.lightspeed.store.pg;

import dev.lightspeed.store.log.SessionLog;
import dev.lightspeed.store.pg.testing.TestSchema;
import dev.lightspeed.testkit.store.SessionLogContract;
import java.time.InstantSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class PgSessionLogTest extends SessionLogContract {
  private static TestSchema db;

  @BeforeAll
  static void createSchema() {
    db = TestSchema.create(PgSessionLogTest.class);
  }

  @AfterAll
  static void dropSchema() {
    db.close();
  }

  @Override
  protected SessionLog newLog(InstantSource clock) {
    db.truncate();
    return new PgSessionLog(db.pool(), clock);
  }
}
