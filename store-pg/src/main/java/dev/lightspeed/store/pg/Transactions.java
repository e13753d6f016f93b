package dev.lightspeed.store.pg;

import dev.lightspeed.store.UniverseId;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Runs work in one transaction on a pooled connection: committed when it returns, rolled back when it throws
 * (the work's own exceptions pass through; driver failures become {@link dev.lightspeed.store.StoreIoException}
 * saying what could not be done).
 */
final class Transactions {
  private Transactions() {}

  /** The body of a transaction. */
  interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  /** Runs {@code work} in a transaction of {@code pool} and {@return its result} {@code what} names it in errors. */
  static <T> T run(PgPool pool, String what, Work<T> work) {
    return run(pool, null, null, what, work);
  }

  /**
   * Runs {@code work} in a transaction of {@code pool}, after registering {@code universe} (committed on its
   * own, so the work's rows have their parent whatever becomes of this transaction), and {@return its result}
   */
  static <T> T run(PgPool pool, Universes universes, UniverseId universe, String what, Work<T> work) {
    try (Connection c = pool.connection()) {
      if (universes != null) universes.ensure(c, universe);
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        PgSessionLog.rollbackQuietly(c, e);
        throw e;
      } finally {
        if (!c.isClosed()) c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw SqlFailures.io("cannot " + what, e);
    }
  }
}
