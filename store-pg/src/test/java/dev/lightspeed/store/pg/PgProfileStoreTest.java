package dev.lightspeed.store.pg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.pg.testing.TestSchema;
import dev.lightspeed.store.profile.Profile;
import dev.lightspeed.store.profile.ProfileStore;
import dev.lightspeed.testkit.store.ManualClock;
import dev.lightspeed.testkit.store.ProfileStoreContract;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PgProfileStoreTest extends ProfileStoreContract {
  private static TestSchema db;

  @BeforeAll
  static void createSchema() {
    db = TestSchema.create(PgProfileStoreTest.class);
  }

  @AfterAll
  static void dropSchema() {
    db.close();
  }

  @Override
  protected ProfileStore newStore(ManualClock clock) {
    db.truncate();
    return new PgProfileStore(db.pool(), clock);
  }

  @Test
  void aProfileIsOneRowOfItsUniverseHoldingTheCanonicalDocument() throws SQLException {
    store.create(UNIVERSE, CODER, V1);
    store.put(UNIVERSE, CODER, OptionalLong.of(1), V2);
    store.create(OTHER, CODER, V3);

    try (Connection c = db.pool().connection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT universe_id, profile_id, document, revision FROM profiles ORDER BY universe_id")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getLong(4))
          .isEqualTo("default coder {\"config\":{\"limits\":{\"maxTurns\":4}},\"displayName\":\"Coder 2\"} 2");
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getLong(4))
          .isEqualTo("other coder {\"description\":\"third\"} 1");
      assertThat(rs.next()).isFalse();
    }
  }

  @Test
  void anotherStoreOnTheSameDatabaseSeesTheProfiles() {
    store.create(UNIVERSE, CODER, V1);
    Profile replaced = store.put(UNIVERSE, CODER, OptionalLong.of(1), V2);

    PgProfileStore reopened = new PgProfileStore(db.pool(), clock);

    assertThat(reopened.read(UNIVERSE, CODER)).isEqualTo(replaced);
    assertThat(reopened.list(UNIVERSE)).containsExactly(replaced);
    assertThat(reopened.list(UniverseId.of("nobody"))).isEmpty();
  }
}
