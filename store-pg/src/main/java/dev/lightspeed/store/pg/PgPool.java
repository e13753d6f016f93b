package dev.lightspeed.store.pg;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The connection pool every PostgreSQL store of one process shares (HikariCP), sized by configuration. It is
 * created eagerly so an unreachable database or bad credentials fail at start-up, not at the first request.
 * Close it after the stores that use it.
 */
public final class PgPool implements AutoCloseable {
  /** The default number of connections, enough for a gateway plus a worker's parallel activities. */
  public static final int DEFAULT_SIZE = 10;

  private final HikariDataSource dataSource;
  private final PostgresUrl url;

  private PgPool(HikariDataSource dataSource, PostgresUrl url) {
    this.dataSource = dataSource;
    this.url = url;
  }

  /**
   * Opens a pool of at most {@code size} connections to {@code url} and checks, with one connection attempt,
   * that the database answers.
   *
   * @throws PgUnavailableException when that connection cannot be made within {@code connectTimeout}
   * @throws IllegalArgumentException when {@code size} is not positive
   */
  public static PgPool open(PostgresUrl url, int size, Duration connectTimeout, String applicationName) {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(applicationName, "applicationName");
    if (size < 1) throw new IllegalArgumentException("pool size < 1: " + size);
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url.jdbcUrl());
    url.user().ifPresent(config::setUsername);
    url.password().ifPresent(config::setPassword);
    config.setMaximumPoolSize(size);
    config.setMinimumIdle(Math.min(2, size));
    config.setPoolName("lightspeed-pg");
    config.setConnectionTimeout(Math.max(250, connectTimeout.toMillis()));
    // One attempt at start-up, bounded by the driver's connect timeout: a wrong address fails at once.
    config.setInitializationFailTimeout(1);
    config.addDataSourceProperty("connectTimeout", Long.toString(Math.max(1, connectTimeout.toSeconds())));
    config.addDataSourceProperty("ApplicationName", applicationName);
    config.addDataSourceProperty("reWriteBatchedInserts", "true");
    try {
      return new PgPool(new HikariDataSource(config), url);
    } catch (HikariPool.PoolInitializationException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new PgUnavailableException("cannot connect to PostgreSQL at " + url + ": " + cause.getMessage(), e);
    }
  }

  /** Opens a pool of {@link #DEFAULT_SIZE} connections, waiting up to 10 s for the first. */
  public static PgPool open(PostgresUrl url) {
    return open(url, DEFAULT_SIZE, Duration.ofSeconds(10), "lightspeed");
  }

  public DataSource dataSource() {
    return dataSource;
  }

  /** {@return where this pool connects (without credentials)} */
  public PostgresUrl url() {
    return url;
  }

  /** {@return a pooled connection in auto-commit mode} @throws SQLException when none can be had */
  Connection connection() throws SQLException {
    return dataSource.getConnection();
  }

  @Override
  public void close() {
    dataSource.close();
  }
}
