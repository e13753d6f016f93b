package dev.lightspeed.store.pg;

import dev.lightspeed.engine.json.CanonicalJson;
import dev.lightspeed.engine.json.Json;
import dev.lightspeed.store.UniverseId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One catalog table of small JSON records keyed by universe and id, with a revision and two timestamps
 * ({@code profiles}, {@code mcp_servers}). {@link #put} is the compare-and-swap both catalogs share: it locks the
 * row ({@code FOR UPDATE}), or inserts it when absent, so of racing puts each sees the one before it.
 */
final class RecordTable {
  /** A row as stored. */
  record Row(String id, Json.Obj document, long revision, long createdAtMs, long updatedAtMs) {}

  /** The catalog's rule: the row after a put, given the current one (null when absent). May throw to refuse. */
  interface Rule {
    Row next(Row current);
  }

  private final String table;
  private final String columns;
  private final String idColumn;

  /** The table {@code table} whose record id is in column {@code idColumn}; both are constants, never input. */
  RecordTable(String table, String idColumn) {
    this.table = Objects.requireNonNull(table, "table");
    this.idColumn = Objects.requireNonNull(idColumn, "idColumn");
    this.columns = idColumn + ", document, revision, created_at_ms, updated_at_ms";
  }

  Optional<Row> find(Connection c, UniverseId universe, String id, boolean lock) throws SQLException {
    try (PreparedStatement select = c.prepareStatement("SELECT " + columns + " FROM " + table + " WHERE universe_id = ? AND "
        + idColumn + " = ?" + (lock ? " FOR UPDATE" : ""))) {
      select.setString(1, universe.value());
      select.setString(2, id);
      try (ResultSet rs = select.executeQuery()) {
        return rs.next() ? Optional.of(row(rs)) : Optional.empty();
      }
    }
  }

  /** {@return the universe's rows in ascending id order (byte order, as the other backends sort)} */
  List<Row> list(Connection c, UniverseId universe) throws SQLException {
    try (PreparedStatement select = c.prepareStatement("SELECT " + columns + " FROM " + table + " WHERE universe_id = ? ORDER BY "
        + idColumn)) {
      select.setString(1, universe.value());
      List<Row> out = new ArrayList<>();
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) out.add(row(rs));
      }
      return Collections.unmodifiableList(out);
    }
  }

  /** Inserts {@code row} unless the id is taken; {@return whether it was inserted} The universe must be registered. */
  boolean insert(Connection c, UniverseId universe, Row row) throws SQLException {
    try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + table + " (universe_id, " + columns
        + ") VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (universe_id, " + idColumn + ") DO NOTHING")) {
      insert.setString(1, universe.value());
      insert.setString(2, row.id());
      insert.setString(3, CanonicalJson.write(row.document()));
      insert.setLong(4, row.revision());
      insert.setLong(5, row.createdAtMs());
      insert.setLong(6, row.updatedAtMs());
      return insert.executeUpdate() == 1;
    }
  }

  /**
   * Applies {@code rule} to the current row under its lock and writes the result, in the caller's transaction;
   * {@return the row written} The universe must be registered.
   */
  Row put(Connection c, UniverseId universe, String id, Rule rule) throws SQLException {
    while (true) {
      Optional<Row> current = find(c, universe, id, true);
      Row next = rule.next(current.orElse(null));
      if (current.isPresent()) {
        update(c, universe, next);
        return next;
      }
      // Absent: insert, unless a racing put inserted first (the insert then waits for it to commit and does
      // nothing), in which case lock that row and apply the rule to it.
      if (insert(c, universe, next)) return next;
    }
  }

  /** {@return the deleted row, or empty when there was none} */
  Optional<Row> delete(Connection c, UniverseId universe, String id) throws SQLException {
    try (PreparedStatement delete = c.prepareStatement("DELETE FROM " + table + " WHERE universe_id = ? AND " + idColumn
        + " = ? RETURNING " + columns)) {
      delete.setString(1, universe.value());
      delete.setString(2, id);
      try (ResultSet rs = delete.executeQuery()) {
        return rs.next() ? Optional.of(row(rs)) : Optional.empty();
      }
    }
  }

  private void update(Connection c, UniverseId universe, Row row) throws SQLException {
    try (PreparedStatement update = c.prepareStatement("UPDATE " + table
        + " SET document = ?, revision = ?, created_at_ms = ?, updated_at_ms = ? WHERE universe_id = ? AND " + idColumn + " = ?")) {
      update.setString(1, CanonicalJson.write(row.document()));
      update.setLong(2, row.revision());
      update.setLong(3, row.createdAtMs());
      update.setLong(4, row.updatedAtMs());
      update.setString(5, universe.value());
      update.setString(6, row.id());
      update.executeUpdate();
    }
  }

  private static Row row(ResultSet rs) throws SQLException {
    return new Row(rs.getString(1), CanonicalJson.parseObject(rs.getString(2)), rs.getLong(3), rs.getLong(4), rs.getLong(5));
  }
}
