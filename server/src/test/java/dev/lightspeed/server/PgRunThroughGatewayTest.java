package dev.lightspeed.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lightspeed.api.Methods;
import dev.lightspeed.api.blobs.BlobPutItem;
import dev.lightspeed.api.blobs.BlobPutParams;
import dev.lightspeed.api.blobs.BlobReadParams;
import dev.lightspeed.engine.tool.Parallelism;
import dev.lightspeed.store.pg.S3Settings;
import dev.lightspeed.store.pg.testing.TestS3;
import dev.lightspeed.store.pg.testing.TestSchema;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The gateway end-to-end runs of {@link RunThroughGatewayTest} once more, with the server on the production
 * store: PostgreSQL (embedded) for sessions, blobs and workspaces, S3 (S3Proxy in-process) for large blobs.
 */
class PgRunThroughGatewayTest extends RunThroughGatewayTest {
  static TestSchema db;
  static S3Settings bucket;

  /** Hides {@link RunThroughGatewayTest#start}: the same scripted server, on PostgreSQL and S3. */
  @BeforeAll
  static void start() {
    db = TestSchema.create(PgRunThroughGatewayTest.class);
    bucket = TestS3.newBucket(PgRunThroughGatewayTest.class, "e2e");
    s = TestServer.scripted(home, PgStoreEnv.of(db, bucket));
    s.tools.tool("echo", Parallelism.PARALLEL_SAFE, args -> "echo:" + args);
  }

  /** Hides {@link RunThroughGatewayTest#stop}: the server goes first, then its schema. */
  @AfterAll
  static void stop() {
    try {
      s.close();
    } finally {
      db.close();
    }
  }

  @Test
  void sessionsAndTheirEventsLiveInPostgres() throws Exception {
    String id = session("in-postgres");

    try (Connection c = db.pool().dataSource().getConnection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT lifecycle, head, (SELECT count(*) FROM session_events e WHERE e.session_id = s.session_id)"
            + " FROM sessions s WHERE session_id = '" + id + "'")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("open");
      assertThat(rs.getLong(2)).isPositive().isEqualTo(rs.getLong(3));
    }
  }

  @Test
  void aLargeBlobPutThroughTheGatewayIsStoredInS3AndReadsBack() {
    byte[] large = new byte[200_000];
    new Random(5).nextBytes(large);

    JsonNode put = s.rpc.call(Methods.BLOBS_PUT, new BlobPutParams(List.of(new BlobPutItem(Base64.getEncoder().encodeToString(large)))));
    String ref = put.at("/blobs/0/blobRef").asText();
    JsonNode read = s.rpc.call(Methods.BLOBS_READ, new BlobReadParams(ref));

    assertThat(Base64.getDecoder().decode(read.get("bytesBase64").asText())).isEqualTo(large);
    String hex = ref.substring("sha256:".length());
    try (S3Client s3 = TestS3.client()) {
      assertThat(s3.headObject(b -> b.bucket(bucket.bucket()).key("e2e/universes/default/cas/sha256/" + hex.substring(0, 2) + "/" + hex))
          .contentLength()).isEqualTo(large.length);
    }
  }
}
