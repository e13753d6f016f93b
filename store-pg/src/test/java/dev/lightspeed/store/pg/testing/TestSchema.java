package dev.lightspeed.store.pg.testing;

import dev.lightspeed.store.pg.Migrations;
import dev.lightspeed.store.pg.PgPool;
import dev.lightspeed.store.pg.PostgresUrl;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A schema of its own on the test server for one test class, with a pool whose connections use it, migrated
 * to this build's version. {@link #truncate} empties every table between tests; {@link #close} closes the
 * pool and drops the schema.
 */
public final class TestSchema implements AutoCloseable {
  /** The application name the pool's connections carry, so a test can find and terminate their backends. */
  public static final String APPLICATION = "lightspeed-test";

  private static final AtomicInteger COUNTER = new AtomicInteger();

  private final String name;
  private final PostgresUrl url;
  private final PgPool pool;

  private TestSchema(String name, PostgresUrl url, PgPool pool) {
    this.name = name;
    this.url = url;
    this.pool = pool;
  }

  /** Creates and migrates a schema named after {@code owner} (plus the process id and a counter). */
  public static TestSchema create(Class<?> owner) {
    return create(owner, true);
  }

  /** Creates a schema named after {@code owner}, migrated or left empty. */
  public static TestSchema create(Class<?> owner, boolean migrate) {
    String name = ("t_" + owner.getSimpleName() + "_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet())
        .toLowerCase(Locale.ROOT);
    try (Connection c = TestPostgres.connect(); Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create test schema " + name, e);
    }
    PostgresUrl admin = TestPostgres.adminUrl();
    String jdbc = admin.jdbcUrl() + (admin.jdbcUrl().contains("?") ? "&" : "?") + "currentSchema=" + name;
    PostgresUrl url = new PostgresUrl(jdbc, admin.user(), admin.password());
    PgPool pool = PgPool.open(url, 10, Duration.ofSeconds(10), APPLICATION);
    TestSchema schema = new TestSchema(name, url, pool);
    if (migrate) new Migrations(pool.dataSource()).migrate();
    return schema;
  }

  public String name() {
    return name;
  }

  /** {@return the URL of this schema (the admin URL with {@code currentSchema} set)} */
  public PostgresUrl url() {
    return url;
  }

  /** {@return this schema's URL as one JDBC URL string with the credentials as parameters, as operators set it} */
  public String urlWithCredentials() {
    StringBuilder out = new StringBuilder(url.jdbcUrl());
    url.user().ifPresent(u -> out.append("&user=").append(URLEncoder.encode(u, StandardCharsets.UTF_8)));
    url.password().ifPresent(p -> out.append("&password=").append(URLEncoder.encode(p, StandardCharsets.UTF_8)));
    return out.toString();
  }

  public PgPool pool() {
    return pool;
  }

  /** Empties every Lightspeed table of this schema. */
  public void truncate() {
    execute("TRUNCATE session_events, sessions, cas_blobs, vfs_workspaces, vfs_snapshots, profiles, mcp_servers, mcp_credentials, universes");
  }

  /** Runs {@code sql} in this schema. */
  public void execute(String sql) {
    try (Connection c = pool.dataSource().getConnection(); Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot run " + sql + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    pool.close();
    try (Connection c = TestPostgres.connect(); Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA " + name + " CASCADE");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot drop test schema " + name, e);
    }
  }
}
