package dev.lightspeed.store.pg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lightspeed.store.mcp.McpServerStore;
import dev.lightspeed.store.mcp.StoredMcpServer;
import dev.lightspeed.store.pg.testing.TestSchema;
import dev.lightspeed.testkit.store.McpServerStoreContract;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PgMcpServerStoreTest extends McpServerStoreContract {
  private static TestSchema db;

  @BeforeAll
  static void createSchema() {
    db = TestSchema.create(PgMcpServerStoreTest.class);
  }

  @AfterAll
  static void dropSchema() {
    db.close();
  }

  @Override
  protected McpServerStore newStore() {
    db.truncate();
    return new PgMcpServerStore(db.pool());
  }

  @Test
  void aServerIsOneRowOfItsUniverseHoldingTheCanonicalRecord() throws SQLException {
    store.put(UNIVERSE, "a", DOC, OptionalLong.empty(), 1_000);
    store.put(OTHER, "a", DOC, OptionalLong.empty(), 2_000);

    try (Connection c = db.pool().connection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT universe_id, server_id, document, revision, created_at_ms FROM mcp_servers ORDER BY universe_id")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getLong(4) + " " + rs.getLong(5))
          .isEqualTo("default a {\"serverId\":\"a\",\"serverUrl\":\"https://a.example/mcp\"} 1 1000");
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1) + " " + rs.getLong(5)).isEqualTo("other 2000");
      assertThat(rs.next()).isFalse();
    }
  }

  @Test
  void anotherStoreOnTheSameDatabaseSeesTheServers() {
    store.put(UNIVERSE, "a", DOC, OptionalLong.empty(), 1_000);
    StoredMcpServer replaced = store.put(UNIVERSE, "a", RICH, OptionalLong.of(1), 2_000);

    PgMcpServerStore reopened = new PgMcpServerStore(db.pool());

    assertThat(reopened.find(UNIVERSE, "a")).contains(replaced);
    assertThat(reopened.list(UNIVERSE)).containsExactly(replaced);
  }
}
