package dev.lightspeed.store.pg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeed.store.mcp.MasterKey;
import dev.lightspeed.store.mcp.McpCredentialStore;
import dev.lightspeed.store.mcp.SecretBox;
import dev.lightspeed.store.pg.testing.TestSchema;
import dev.lightspeed.testkit.store.McpCredentialStoreContract;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PgMcpCredentialStoreTest extends McpCredentialStoreContract {
  private static final String PLAINTEXT = "Bearer pg-token-123";

  private static TestSchema db;

  @BeforeAll
  static void createSchema() {
    db = TestSchema.create(PgMcpCredentialStoreTest.class);
  }

  @AfterAll
  static void dropSchema() {
    db.close();
  }

  @Override
  protected McpCredentialStore newStore() {
    db.truncate();
    return new PgMcpCredentialStore(db.pool());
  }

  @Test
  void theDatabaseHoldsOnlyTheSealedTextWhichOpensWithTheKey() throws SQLException {
    byte[] raw = new byte[MasterKey.BYTES];
    Arrays.fill(raw, (byte) 7);
    SecretBox box = new SecretBox(MasterKey.of(raw));
    store.put(UNIVERSE, "docs", box.seal(PLAINTEXT.getBytes(StandardCharsets.UTF_8), "default/docs"));

    String stored;
    try (Connection c = db.pool().connection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT universe_id || '/' || server_id, sealed FROM mcp_credentials")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("default/docs");
      stored = rs.getString(2);
      assertThat(rs.next()).isFalse();
    }
    assertThat(stored).startsWith("v1.").doesNotContain(PLAINTEXT).doesNotContain("pg-token");
    assertThat(new String(box.open(new PgMcpCredentialStore(db.pool()).find(UNIVERSE, "docs").orElseThrow(), "default/docs"),
        StandardCharsets.UTF_8)).isEqualTo(PLAINTEXT);
  }

  @Test
  void aValueThatIsNotSealedIsRefusedWithoutQuotingItAndNothingIsWritten() {
    store.put(UNIVERSE, "docs", SEALED);

    assertThatThrownBy(() -> store.put(UNIVERSE, "docs", PLAINTEXT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the credentials of MCP server docs are not sealed (expected v<version>.<key id>.<base64>); refusing to store them");
    assertThat(store.find(UNIVERSE, "docs")).contains(SEALED);
  }

  @Test
  void theTableItselfRefusesPlaintext() {
    store.put(UNIVERSE, "docs", SEALED);

    assertThatThrownBy(() -> db.execute("UPDATE mcp_credentials SET sealed = '" + PLAINTEXT + "'"))
        .hasMessageContaining("mcp_credentials_sealed_check");
    assertThat(store.find(UNIVERSE, "docs")).contains(SEALED);
  }
}
