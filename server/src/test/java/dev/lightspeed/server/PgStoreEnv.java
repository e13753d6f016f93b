package dev.lightspeed.server;

import dev.lightspeed.store.pg.S3Settings;
import dev.lightspeed.store.pg.testing.TestS3;
import dev.lightspeed.store.pg.testing.TestSchema;
import java.util.HashMap;
import java.util.Map;

/** The environment that points a test server at a test schema and, optionally, a bucket of the test S3 server. */
final class PgStoreEnv {
  private PgStoreEnv() {}

  static Map<String, String> of(TestSchema db) {
    return Map.of(PostgresConfig.POSTGRES_URL, db.urlWithCredentials());
  }

  static Map<String, String> of(TestSchema db, S3Settings bucket) {
    Map<String, String> env = new HashMap<>(of(db));
    env.put(PostgresConfig.OBJECT_STORE_BUCKET, bucket.bucket());
    env.put(PostgresConfig.OBJECT_STORE_ENDPOINT, bucket.endpoint().orElseThrow().toString());
    env.put(PostgresConfig.OBJECT_STORE_PREFIX, bucket.prefix());
    env.put(PostgresConfig.OBJECT_STORE_FORCE_PATH_STYLE, "true");
    env.put(PostgresConfig.AWS_ACCESS_KEY_ID, TestS3.ACCESS_KEY);
    env.put(PostgresConfig.AWS_SECRET_ACCESS_KEY, TestS3.SECRET_KEY);
    return Map.copyOf(env);
  }
}
