package dev.lightspeed.store.pg;

import static dev.lightspeed.testkit.store.TestEntries.closed;
import static dev.lightspeed.testkit.store.TestEntries.event;
import static dev.lightspeed.testkit.store.TestEntries.opened;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeed.engine.cas.BlobRef;
import dev.lightspeed.store.SessionId;
import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.blob.BlobNotFoundException;
import dev.lightspeed.store.log.SessionLifecycle;
import dev.lightspeed.store.log.SessionNotFoundException;
import dev.lightspeed.store.pg.testing.TestS3;
import dev.lightspeed.store.pg.testing.TestSchema;
import dev.lightspeed.store.vfs.SnapshotSummary;
import dev.lightspeed.store.vfs.WorkspaceId;
import dev.lightspeed.store.vfs.WorkspaceNotFoundException;
import dev.lightspeed.store.vfs.WorkspaceUpdate;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A second universe that knows the first one's session ids, blob hashes and workspace ids still reaches
 * none of them, in PostgreSQL or in S3, and every row and object key it writes carries its own universe.
 */
class PgUniverseIsolationTest {
  private static final UniverseId FIRST = UniverseId.of("tenant-1");
  private static final UniverseId SECOND = UniverseId.of("tenant-2");
  private static final SessionId SESSION = SessionId.of("shared-id");
  private static final WorkspaceId WORKSPACE = WorkspaceId.of("ws");

  private static TestSchema db;
  private static S3ObjectStore objects;
  private static String bucket;

  @BeforeAll
  static void createSchemaAndBucket() {
    db = TestSchema.create(PgUniverseIsolationTest.class);
    S3Settings settings = TestS3.newBucket(PgUniverseIsolationTest.class, "");
    bucket = settings.bucket();
    objects = S3ObjectStore.open(settings, TestS3.credentials());
  }

  @AfterAll
  static void drop() {
    objects.close();
    db.close();
  }

  @Test
  void aSecondUniverseCannotReachTheFirstOnesSessionsBlobsOrWorkspacesEvenKnowingTheirIdsAndHashes() throws SQLException {
    PgSessionLog log = new PgSessionLog(db.pool(), InstantSource.system());
    PgBlobStore blobs = new PgBlobStore(db.pool(), Optional.of(objects), new BlobCache(BlobCache.DEFAULT_BYTES));
    PgWorkspaceStore workspaces = new PgWorkspaceStore(db.pool(), InstantSource.system());
    byte[] small = "a secret message".getBytes();
    byte[] large = new byte[300_000];
    new Random(9).nextBytes(large);

    log.create(FIRST, SESSION);
    log.append(FIRST, SESSION, 0, List.of(opened(), event("private"), closed()));
    BlobRef smallRef = blobs.put(FIRST, small);
    BlobRef largeRef = blobs.put(FIRST, large);
    blobs.read(FIRST, largeRef);
    SnapshotSummary snapshot = new SnapshotSummary(smallRef, 1, small.length);
    workspaces.create(FIRST, WORKSPACE, snapshot, Optional.of("first's"));

    assertThat(log.find(SECOND, SESSION)).isEmpty();
    assertThat(log.list(SECOND, EnumSet.allOf(SessionLifecycle.class), 100)).isEmpty();
    assertThatThrownBy(() -> log.readAfter(SECOND, SESSION, 0, 100)).isInstanceOf(SessionNotFoundException.class);
    assertThatThrownBy(() -> log.append(SECOND, SESSION, 3, List.of(event("intrusion")))).isInstanceOf(SessionNotFoundException.class);
    assertThatThrownBy(() -> log.delete(SECOND, SESSION)).isInstanceOf(SessionNotFoundException.class);
    for (BlobRef ref : List.of(smallRef, largeRef)) {
      assertThat(blobs.has(SECOND, ref)).isFalse();
      assertThat(blobs.find(SECOND, ref)).isEmpty();
      assertThat(blobs.stat(SECOND, ref)).isEmpty();
      assertThatThrownBy(() -> blobs.read(SECOND, ref)).isInstanceOf(BlobNotFoundException.class);
    }
    assertThat(blobs.missing(SECOND, List.of(smallRef, largeRef))).containsExactlyInAnyOrder(smallRef, largeRef);
    assertThat(workspaces.find(SECOND, WORKSPACE)).isEmpty();
    assertThat(workspaces.list(SECOND)).isEmpty();
    assertThatThrownBy(() -> workspaces.update(SECOND, WORKSPACE, WorkspaceUpdate.moveHead(1, snapshot)))
        .isInstanceOf(WorkspaceNotFoundException.class);
    assertThatThrownBy(() -> workspaces.delete(SECOND, WORKSPACE)).isInstanceOf(WorkspaceNotFoundException.class);

    // The second universe storing the same bytes gets copies of its own, under its own keys.
    blobs.put(SECOND, large);
    log.create(SECOND, SESSION);
    assertThat(log.readAfter(SECOND, SESSION, 0, 100).entries()).isEmpty();
    assertThat(log.readAfter(FIRST, SESSION, 0, 100).entries()).hasSize(3);

    List<String> keys = new ArrayList<>();
    try (S3Client s3 = TestS3.client()) {
      for (S3Object o : s3.listObjectsV2(b -> b.bucket(bucket)).contents()) keys.add(o.key());
    }
    String shard = largeRef.hex().substring(0, 2) + "/" + largeRef.hex();
    assertThat(keys).containsExactlyInAnyOrder("universes/tenant-1/cas/sha256/" + shard, "universes/tenant-2/cas/sha256/" + shard);
    assertThat(universesOf("session_events")).containsExactly("tenant-1");
    assertThat(universesOf("sessions")).containsExactly("tenant-1", "tenant-2");
    assertThat(universesOf("cas_blobs")).containsExactly("tenant-1", "tenant-2");
    assertThat(universesOf("vfs_workspaces")).containsExactly("tenant-1");
  }

  private static List<String> universesOf(String table) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = db.pool().dataSource().getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT DISTINCT universe_id FROM " + table + " ORDER BY universe_id")) {
      while (rs.next()) out.add(rs.getString(1));
    }
    return out;
  }
}
