package dev.lightspeed.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lightspeed.api.Methods;
import dev.lightspeed.api.mcp.McpServerInput;
import dev.lightspeed.api.mcp.McpServerPutParams;
import dev.lightspeed.api.mcp.McpServerReadParams;
import dev.lightspeed.api.profile.AgentProfileInput;
import dev.lightspeed.api.profile.ProfileCreateParams;
import dev.lightspeed.api.profile.ProfileReadParams;
import dev.lightspeed.store.mcp.MasterKey;
import dev.lightspeed.store.pg.testing.TestSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On the PostgreSQL store the universe's catalogs (agent profiles, MCP servers) are in the database like
 * everything else: a server restarted on another, empty home still has them, and the first home never held them.
 */
class PgCatalogsRestartTest {
  private static final String SECRET = "Bearer pg-only-secret";

  private static Map<String, String> withKey(Map<String, String> env) {
    Map<String, String> all = new HashMap<>(env);
    all.put(MasterKey.VARIABLE, "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
    return all;
  }

  @TempDir Path firstHome;
  @TempDir Path secondHome;
  TestSchema db;

  @BeforeEach
  void createSchema() {
    db = TestSchema.create(PgCatalogsRestartTest.class);
  }

  @AfterEach
  void dropSchema() {
    db.close();
  }

  @Test
  void aProfileAndAnMcpServerSurviveARestartOnAnEmptyHomeAndLiveInPostgres() throws SQLException {
    JsonNode profile;
    JsonNode server;
    try (TestServer first = TestServer.scripted(firstHome, withKey(PgStoreEnv.of(db)))) {
      first.rpc.call(Methods.PROFILES_CREATE, new ProfileCreateParams(new AgentProfileInput("keeper", "Keeper", "survives restarts",
          McpThroughGatewayTest.json("{\"limits\":{\"maxTurns\":3}}"), null, null)));
      first.rpc.call(Methods.MCP_SERVERS_PUT, new McpServerPutParams(new McpServerInput("docs", "https://mcp.example.com/mcp", "docs",
          "Docs", null, null, List.of("search"), null, null, null, null, null, null, Map.of("Authorization", SECRET), null), null));
      profile = first.rpc.call(Methods.PROFILES_READ, new ProfileReadParams("keeper")).get("profile");
      server = first.rpc.call(Methods.MCP_SERVERS_READ, new McpServerReadParams("docs")).get("server");
    }

    try (TestServer second = TestServer.scripted(secondHome, withKey(PgStoreEnv.of(db)))) {
      assertThat(second.rpc.call(Methods.PROFILES_READ, new ProfileReadParams("keeper")).get("profile")).isEqualTo(profile);
      assertThat(second.rpc.call(Methods.MCP_SERVERS_READ, new McpServerReadParams("docs")).get("server")).isEqualTo(server);
    }

    assertThat(profile.get("description").asText()).isEqualTo("survives restarts");
    assertThat(server.get("headerNames")).hasToString("[\"Authorization\"]");
    try (Connection c = db.pool().dataSource().getConnection(); Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT universe_id, profile_id, revision FROM profiles")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1) + "/" + rs.getString(2) + "@" + rs.getLong(3)).isEqualTo("default/keeper@1");
        assertThat(rs.next()).isFalse();
      }
      try (ResultSet rs = s.executeQuery("SELECT universe_id, server_id, revision, strpos(document, '" + SECRET + "') > 0 FROM mcp_servers")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1) + "/" + rs.getString(2) + "@" + rs.getLong(3) + " secret stored: " + rs.getBoolean(4))
            .isEqualTo("default/docs@1 secret stored: false");
        assertThat(rs.next()).isFalse();
      }
      // the header value is in the database only sealed, under the master key
      try (ResultSet rs = s.executeQuery("SELECT server_id, sealed FROM mcp_credentials")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("docs");
        assertThat(rs.getString(2)).startsWith("v1.").doesNotContain("pg-only-secret");
        assertThat(rs.next()).isFalse();
      }
    }
    assertThat(filesContaining(firstHome, "survives restarts")).isEmpty();
    assertThat(filesContaining(firstHome, SECRET)).isEmpty();
    assertThat(firstHome.resolve("universes")).doesNotExist();
    assertThat(firstHome.resolve("gateway/mcp-servers")).doesNotExist();
  }

  private static List<Path> filesContaining(Path root, String text) {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile).filter(f -> read(f).contains(text)).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
