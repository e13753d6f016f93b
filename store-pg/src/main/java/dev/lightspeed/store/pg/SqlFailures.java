package dev.lightspeed.store.pg;

import dev.lightspeed.store.StoreIoException;
import java.io.IOException;
import java.sql.SQLException;

/** Turns driver failures into the stores' {@link StoreIoException}, keeping the SQL state in the message. */
final class SqlFailures {
  private SqlFailures() {}

  /** {@return a {@link StoreIoException} saying what could not be done and why the database refused} */
  static StoreIoException io(String what, SQLException e) {
    String state = e.getSQLState() == null ? "" : " [SQLState " + e.getSQLState() + "]";
    String message = what + ": " + e.getMessage() + state;
    return new StoreIoException(message, new IOException(message, e));
  }
}
