package dev.lightspeed.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lightspeed.store.pg.S3Settings;
import dev.lightspeed.store.pg.testing.TestS3;
import dev.lightspeed.store.pg.testing.TestSchema;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Start-up on the PostgreSQL store: refused with the command to run while the schema is not migrated,
 * {@code migrate} and {@code schema-version} on a real database, and unreachable services named by variable.
 */
class PgServerStartTest {
  @TempDir Path home;
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();
  TestSchema db;

  @BeforeEach
  void emptySchema() {
    db = TestSchema.create(PgServerStartTest.class, false);
  }

  @AfterEach
  void dropSchema() {
    db.close();
  }

  private Map<String, String> env(Map<String, String> store) {
    Map<String, String> env = new HashMap<>(store);
    env.put(ServerConfig.HOME, home.toString());
    env.put(ServerConfig.GATEWAY_ADDR, "127.0.0.1:0");
    env.put(ServerConfig.EMBEDDED_TEMPORAL_ADDR, "127.0.0.1:0");
    return env;
  }

  private ServerMain.Started run(Map<String, String> env, String... args) {
    return ServerMain.start(args, env, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String printed(ByteArrayOutputStream stream) {
    String text = stream.toString(StandardCharsets.UTF_8);
    stream.reset();
    return text;
  }

  @Test
  void theServerRefusesAnUnmigratedSchemaUntilMigrateHasRun() {
    Map<String, String> env = env(PgStoreEnv.of(db));

    assertThat(run(env).exitCode()).isEqualTo(1);
    assertThat(printed(err)).isEqualTo("lightspeed server: cannot start: PostgreSQL schema version none, this build expects 4:"
        + " 4 migration(s) pending (1, 2, 3, 4); run `lightspeed server migrate`\n");

    assertThat(run(env, "migrate").exitCode()).isZero();
    assertThat(printed(out)).isEqualTo("lightspeed server: PostgreSQL schema migrated to version 4 (applied 1, 2, 3, 4; " + db.url() + ")\n");
    assertThat(run(env, "migrate").exitCode()).isZero();
    assertThat(printed(out)).isEqualTo("lightspeed server: PostgreSQL schema is up to date at version 4 (" + db.url() + ")\n");

    ServerMain.Started started = run(env);
    try {
      assertThat(started.exitCode()).isZero();
      assertThat(printed(out)).contains("lightspeed server: role both, store PostgreSQL " + db.url() + "\n");
    } finally {
      started.server().close();
    }
  }

  @Test
  void schemaVersionReportsTheStateWithoutChangingIt() {
    ServerConfig config = ServerConfig.fromEnvironment(env(PgStoreEnv.of(db)));
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    StoreSchema schema = new StoreSchema(config, new PrintWriter(o, true), new PrintWriter(e, true));

    assertThat(schema.status()).isEqualTo(1);
    assertThat(schema.status()).isEqualTo(1);
    assertThat(o.toString()).isEqualTo(("PostgreSQL schema version none, this build expects 4: 4 migration(s) pending (1, 2, 3, 4);"
        + " run `lightspeed server migrate` (" + db.url() + ")\n").repeat(2));
    o.getBuffer().setLength(0);
    assertThat(schema.migrate()).isZero();
    o.getBuffer().setLength(0);
    assertThat(schema.status()).isZero();
    assertThat(o.toString()).isEqualTo("PostgreSQL schema version 4, this build expects 4: up to date (" + db.url() + ")\n");
    assertThat(e.toString()).isEmpty();
  }

  @Test
  void anUnreachableDatabaseFailsStartUpNamingTheVariable() {
    assertThat(run(env(Map.of(PostgresConfig.POSTGRES_URL, "postgresql://light:secret@127.0.0.1:1/lightspeed"))).exitCode()).isEqualTo(2);
    assertThat(printed(err)).startsWith("lightspeed server: configuration error: LIGHTSPEED_POSTGRES_URL: cannot connect to PostgreSQL at"
        + " jdbc:postgresql://127.0.0.1:1/lightspeed (user light): ").doesNotContain("secret");
  }

  @Test
  void anUnreachableObjectStoreFailsStartUpNamingTheVariable() {
    db.close();
    db = TestSchema.create(PgServerStartTest.class);
    S3Settings nowhere = new S3Settings("no-such-bucket", Optional.of(URI.create(TestS3.endpoint().toString())), "us-east-1", "",
        S3Settings.Addressing.PATH_STYLE);

    assertThat(run(env(PgStoreEnv.of(db, nowhere))).exitCode()).isEqualTo(2);
    assertThat(printed(err)).startsWith("lightspeed server: configuration error: LIGHTSPEED_OBJECT_STORE_ENDPOINT: cannot reach S3 bucket"
        + " no-such-bucket at " + TestS3.endpoint() + ": ");
  }
}
