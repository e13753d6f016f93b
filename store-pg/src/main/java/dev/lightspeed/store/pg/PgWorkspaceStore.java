package dev.lightspeed.store.pg;

import dev.lightspeed.engine.cas.BlobRef;
import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.vfs.SnapshotSummary;
import dev.lightspeed.store.vfs.Workspace;
import dev.lightspeed.store.vfs.WorkspaceExistsException;
import dev.lightspeed.store.vfs.WorkspaceId;
import dev.lightspeed.store.vfs.WorkspaceNotFoundException;
import dev.lightspeed.store.vfs.WorkspaceRules;
import dev.lightspeed.store.vfs.WorkspaceStore;
import dev.lightspeed.store.vfs.WorkspaceUpdate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link WorkspaceStore} in PostgreSQL: heads in table {@code vfs_workspaces}, pointing at snapshot
 * summaries in {@code vfs_snapshots} (recorded as given, per the SPI's trust rule). An update locks the
 * workspace row ({@code FOR UPDATE}), applies {@link WorkspaceRules#apply} (the compare-and-swap on
 * revision) and writes the result in the same transaction, so of racing updates with one expected revision
 * exactly one applies. Safe for concurrent use by threads and processes; timestamps from the injected clock.
 */
public final class PgWorkspaceStore implements WorkspaceStore {
  private static final String COLUMNS = """
      w.workspace_id, w.head, s.files, s.bytes, w.revision, w.base, w.display_name, w.created_at_ms, w.updated_at_ms""";

  private final PgPool pool;
  private final InstantSource clock;
  private final Universes universes = new Universes();

  public PgWorkspaceStore(PgPool pool, InstantSource clock) {
    this.pool = Objects.requireNonNull(pool, "pool");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Workspace create(UniverseId universe, WorkspaceId id, SnapshotSummary head, Optional<String> displayName) {
    Objects.requireNonNull(universe, "universe");
    Objects.requireNonNull(id, "id");
    Workspace created = WorkspaceRules.created(id, head, displayName, clock.millis());
    return Transactions.run(pool, universes, universe, "create workspace " + id + " in universe " + universe, c -> {
      recordSnapshot(c, universe, head);
      try (PreparedStatement insert = c.prepareStatement("""
          INSERT INTO vfs_workspaces (universe_id, workspace_id, head, base, revision, display_name, created_at_ms, updated_at_ms)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (universe_id, workspace_id) DO NOTHING""")) {
        insert.setString(1, universe.value());
        insert.setString(2, id.value());
        insert.setString(3, created.head().ref().hex());
        insert.setString(4, created.base().hex());
        insert.setLong(5, created.revision());
        insert.setString(6, created.displayName().orElse(null));
        insert.setLong(7, created.createdAtMs());
        insert.setLong(8, created.updatedAtMs());
        if (insert.executeUpdate() == 0) throw new WorkspaceExistsException(universe, id);
      }
      return created;
    });
  }

  @Override
  public Optional<Workspace> find(UniverseId universe, WorkspaceId id) {
    Objects.requireNonNull(universe, "universe");
    Objects.requireNonNull(id, "id");
    try (Connection c = pool.connection()) {
      return select(c, universe, id, false);
    } catch (SQLException e) {
      throw SqlFailures.io("cannot read workspace " + id + " in universe " + universe, e);
    }
  }

  @Override
  public List<Workspace> list(UniverseId universe) {
    Objects.requireNonNull(universe, "universe");
    try (Connection c = pool.connection();
        PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + """
             FROM vfs_workspaces w JOIN vfs_snapshots s ON s.universe_id = w.universe_id AND s.digest = w.head
            WHERE w.universe_id = ? ORDER BY w.workspace_id""")) {
      select.setString(1, universe.value());
      List<Workspace> out = new ArrayList<>();
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) out.add(workspace(rs));
      }
      return Collections.unmodifiableList(out);
    } catch (SQLException e) {
      throw SqlFailures.io("cannot list workspaces of universe " + universe, e);
    }
  }

  @Override
  public Workspace update(UniverseId universe, WorkspaceId id, WorkspaceUpdate update) {
    Objects.requireNonNull(universe, "universe");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(update, "update");
    return Transactions.run(pool, "update workspace " + id + " in universe " + universe, c -> {
      Workspace current = select(c, universe, id, true).orElseThrow(() -> new WorkspaceNotFoundException(universe, id));
      Workspace updated = WorkspaceRules.apply(universe, current, update, clock.millis());
      recordSnapshot(c, universe, updated.head());
      try (PreparedStatement write = c.prepareStatement("""
          UPDATE vfs_workspaces SET head = ?, revision = ?, display_name = ?, updated_at_ms = ?
          WHERE universe_id = ? AND workspace_id = ?""")) {
        write.setString(1, updated.head().ref().hex());
        write.setLong(2, updated.revision());
        write.setString(3, updated.displayName().orElse(null));
        write.setLong(4, updated.updatedAtMs());
        write.setString(5, universe.value());
        write.setString(6, id.value());
        write.executeUpdate();
      }
      return updated;
    });
  }

  @Override
  public Workspace delete(UniverseId universe, WorkspaceId id) {
    Objects.requireNonNull(universe, "universe");
    Objects.requireNonNull(id, "id");
    return Transactions.run(pool, "delete workspace " + id + " in universe " + universe, c -> {
      Workspace current = select(c, universe, id, true).orElseThrow(() -> new WorkspaceNotFoundException(universe, id));
      try (PreparedStatement delete = c.prepareStatement("DELETE FROM vfs_workspaces WHERE universe_id = ? AND workspace_id = ?")) {
        delete.setString(1, universe.value());
        delete.setString(2, id.value());
        delete.executeUpdate();
      }
      return current;
    });
  }

  private static Optional<Workspace> select(Connection c, UniverseId universe, WorkspaceId id, boolean lock) throws SQLException {
    if (lock) {
      // Lock the row on its own first: a locking join would re-check the join against the old snapshot row
      // after waiting for a concurrent update of the head, and lose the workspace.
      try (PreparedStatement select = c.prepareStatement(
          "SELECT 1 FROM vfs_workspaces WHERE universe_id = ? AND workspace_id = ? FOR UPDATE")) {
        select.setString(1, universe.value());
        select.setString(2, id.value());
        try (ResultSet rs = select.executeQuery()) {
          if (!rs.next()) return Optional.empty();
        }
      }
    }
    try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + """
         FROM vfs_workspaces w JOIN vfs_snapshots s ON s.universe_id = w.universe_id AND s.digest = w.head
        WHERE w.universe_id = ? AND w.workspace_id = ?""")) {
      select.setString(1, universe.value());
      select.setString(2, id.value());
      try (ResultSet rs = select.executeQuery()) {
        return rs.next() ? Optional.of(workspace(rs)) : Optional.empty();
      }
    }
  }

  private static void recordSnapshot(Connection c, UniverseId universe, SnapshotSummary snapshot) throws SQLException {
    try (PreparedStatement insert = c.prepareStatement("""
        INSERT INTO vfs_snapshots (universe_id, digest, files, bytes) VALUES (?, ?, ?, ?)
        ON CONFLICT (universe_id, digest) DO NOTHING""")) {
      insert.setString(1, universe.value());
      insert.setString(2, snapshot.ref().hex());
      insert.setLong(3, snapshot.files());
      insert.setLong(4, snapshot.bytes());
      insert.executeUpdate();
    }
  }

  private static Workspace workspace(ResultSet rs) throws SQLException {
    return new Workspace(
        WorkspaceId.of(rs.getString(1)),
        new SnapshotSummary(ref(rs.getString(2)), rs.getLong(3), rs.getLong(4)),
        rs.getLong(5),
        ref(rs.getString(6)),
        Optional.ofNullable(rs.getString(7)),
        rs.getLong(8),
        rs.getLong(9));
  }

  private static BlobRef ref(String hex) {
    return BlobRef.parse("sha256:" + hex);
  }
}
