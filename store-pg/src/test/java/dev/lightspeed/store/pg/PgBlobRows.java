package dev.lightspeed.store.pg;

import dev.lightspeed.engine.cas.BlobRef;
import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.pg.testing.TestSchema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Looks at and damages {@code cas_blobs} rows behind the store's back. */
final class PgBlobRows {
  private PgBlobRows() {}

  /** Replaces the inline bytes of a blob's row, as a damaged disk would. */
  static void overwriteInline(TestSchema db, UniverseId universe, BlobRef ref, byte[] bytes) {
    try (Connection c = db.pool().dataSource().getConnection();
        PreparedStatement update = c.prepareStatement(
            "UPDATE cas_blobs SET inline_bytes = ?, object_key = NULL WHERE universe_id = ? AND digest = ?")) {
      update.setBytes(1, bytes);
      update.setString(2, universe.value());
      update.setString(3, ref.hex());
      if (update.executeUpdate() != 1) throw new IllegalStateException("no row for " + ref + " in " + universe);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@return "inline <size>" or "object <key>" for the blob's row, "absent" when there is none} */
  static String storage(TestSchema db, UniverseId universe, BlobRef ref) {
    try (Connection c = db.pool().dataSource().getConnection();
        PreparedStatement select = c.prepareStatement(
            "SELECT length(inline_bytes), object_key FROM cas_blobs WHERE universe_id = ? AND digest = ?")) {
      select.setString(1, universe.value());
      select.setString(2, ref.hex());
      try (ResultSet rs = select.executeQuery()) {
        if (!rs.next()) return "absent";
        return rs.getString(2) != null ? "object " + rs.getString(2) : "inline " + rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
