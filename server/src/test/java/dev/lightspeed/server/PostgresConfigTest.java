package dev.lightspeed.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeed.store.pg.PostgresUrl;
import dev.lightspeed.store.pg.S3Settings;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The production store's variables: defaults, every override, and failures naming the variable. */
class PostgresConfigTest {
  @Test
  void withoutAPostgresUrlTheServerUsesTheFileStore() {
    assertThat(ServerConfig.fromEnvironment(Map.of()).postgres()).isEmpty();
  }

  @Test
  void aPostgresUrlAloneSelectsPostgresWithDefaultsAndNoObjectStore() {
    assertThat(ServerConfig.fromEnvironment(Map.of("LIGHTSPEED_POSTGRES_URL", "postgresql://ls:pw@db:5432/lightspeed")).postgres())
        .contains(new PostgresConfig(new PostgresUrl("jdbc:postgresql://db:5432/lightspeed", Optional.of("ls"), Optional.of("pw")),
            10, 256L * 1024 * 1024, Optional.empty()));
  }

  @Test
  void everyVariableOverridesItsDefault() {
    PostgresConfig config = ServerConfig.fromEnvironment(Map.of(
        "LIGHTSPEED_POSTGRES_URL", "jdbc:postgresql://db/lightspeed",
        "LIGHTSPEED_POSTGRES_POOL_SIZE", "32",
        "LIGHTSPEED_BLOB_CACHE_BYTES", "0",
        "LIGHTSPEED_OBJECT_STORE_BUCKET", "lightspeed-blobs",
        "LIGHTSPEED_OBJECT_STORE_ENDPOINT", "http://minio:9000",
        "LIGHTSPEED_OBJECT_STORE_REGION", "eu-west-1",
        "LIGHTSPEED_OBJECT_STORE_PREFIX", "prod/eu",
        "LIGHTSPEED_OBJECT_STORE_FORCE_PATH_STYLE", "true",
        "AWS_ACCESS_KEY_ID", "AKIA1",
        "AWS_SECRET_ACCESS_KEY", "secret")).postgres().orElseThrow();

    assertThat(config.poolSize()).isEqualTo(32);
    assertThat(config.blobCacheBytes()).isZero();
    assertThat(config.objectStore()).contains(new PostgresConfig.ObjectStore(
        new S3Settings("lightspeed-blobs", Optional.of(URI.create("http://minio:9000")), "eu-west-1", "prod/eu", S3Settings.Addressing.PATH_STYLE),
        Optional.of(new PostgresConfig.Keys("AKIA1", "secret", Optional.empty()))));
    assertThat(config.objectStore().orElseThrow().keys().orElseThrow()).hasToString("Keys[accessKeyId=AKIA1, secretAccessKey=***]");
  }

  @Test
  void aBucketAloneMeansAwsWithVirtualHostedAddressingAndTheDefaultCredentialChain() {
    PostgresConfig config = ServerConfig.fromEnvironment(Map.of(
        "LIGHTSPEED_POSTGRES_URL", "jdbc:postgresql://db/lightspeed", "LIGHTSPEED_OBJECT_STORE_BUCKET", "blobs")).postgres().orElseThrow();

    assertThat(config.objectStore()).contains(new PostgresConfig.ObjectStore(
        new S3Settings("blobs", Optional.empty(), "us-east-1", "", S3Settings.Addressing.VIRTUAL_HOSTED), Optional.empty()));
  }

  @Test
  void aBadValueFailsNamingTheVariable() {
    String url = "jdbc:postgresql://db/ls";
    assertThatThrownBy(() -> ServerConfig.fromEnvironment(Map.of("LIGHTSPEED_POSTGRES_URL", "mysql://u:pw@db/ls")))
        .isInstanceOf(ServerConfigException.class)
        .hasMessage("LIGHTSPEED_POSTGRES_URL: not a PostgreSQL URL: \"mysql://u:***@db/ls\" (expected"
            + " postgresql://user:password@host:port/database or jdbc:postgresql://host:port/database)");
    assertThatThrownBy(() -> ServerConfig.fromEnvironment(Map.of("LIGHTSPEED_POSTGRES_URL", url, "LIGHTSPEED_POSTGRES_POOL_SIZE", "0")))
        .hasMessage("LIGHTSPEED_POSTGRES_POOL_SIZE: expected a whole number from 1 to 1000, not \"0\"");
    assertThatThrownBy(() -> ServerConfig.fromEnvironment(Map.of("LIGHTSPEED_POSTGRES_URL", url, "LIGHTSPEED_BLOB_CACHE_BYTES", "256MB")))
        .hasMessage("LIGHTSPEED_BLOB_CACHE_BYTES: expected a whole number from 0 to 9223372036854775807, not \"256MB\"");
    assertThatThrownBy(() -> ServerConfig.fromEnvironment(Map.of("LIGHTSPEED_POSTGRES_URL", url, "LIGHTSPEED_OBJECT_STORE_BUCKET", "Bad_Bucket")))
        .hasMessage("LIGHTSPEED_OBJECT_STORE_BUCKET: not an S3 bucket name: \"Bad_Bucket\" (3-63 of [a-z0-9.-])");
    assertThatThrownBy(() -> ServerConfig.fromEnvironment(Map.of("LIGHTSPEED_POSTGRES_URL", url, "LIGHTSPEED_OBJECT_STORE_BUCKET", "blobs",
        "LIGHTSPEED_OBJECT_STORE_ENDPOINT", "minio:9000")))
        .hasMessage("LIGHTSPEED_OBJECT_STORE_ENDPOINT: expected an http(s) URL such as https://s3.example.com:9000, not \"minio:9000\"");
    assertThatThrownBy(() -> ServerConfig.fromEnvironment(Map.of("LIGHTSPEED_POSTGRES_URL", url, "LIGHTSPEED_OBJECT_STORE_BUCKET", "blobs",
        "LIGHTSPEED_OBJECT_STORE_FORCE_PATH_STYLE", "maybe")))
        .hasMessage("LIGHTSPEED_OBJECT_STORE_FORCE_PATH_STYLE: expected true or false, not \"maybe\"");
    assertThatThrownBy(() -> ServerConfig.fromEnvironment(Map.of("LIGHTSPEED_POSTGRES_URL", url, "LIGHTSPEED_OBJECT_STORE_BUCKET", "blobs",
        "LIGHTSPEED_OBJECT_STORE_PREFIX", "/leading")))
        .hasMessageStartingWith("LIGHTSPEED_OBJECT_STORE_PREFIX: not a key prefix: \"/leading\"");
    assertThatThrownBy(() -> ServerConfig.fromEnvironment(Map.of("LIGHTSPEED_POSTGRES_URL", url, "LIGHTSPEED_OBJECT_STORE_BUCKET", "blobs",
        "AWS_ACCESS_KEY_ID", "AKIA1")))
        .hasMessage("AWS_SECRET_ACCESS_KEY: must be set together with AWS_ACCESS_KEY_ID");
  }

  @Test
  void objectStoreVariablesWithoutTheirPrerequisiteFailNamingThem() {
    assertThatThrownBy(() -> ServerConfig.fromEnvironment(Map.of("LIGHTSPEED_OBJECT_STORE_BUCKET", "blobs")))
        .hasMessage("LIGHTSPEED_OBJECT_STORE_BUCKET: takes effect only with the PostgreSQL store; set LIGHTSPEED_POSTGRES_URL too");
    assertThatThrownBy(() -> ServerConfig.fromEnvironment(Map.of("LIGHTSPEED_POSTGRES_URL", "jdbc:postgresql://db/ls",
        "LIGHTSPEED_OBJECT_STORE_ENDPOINT", "http://minio:9000")))
        .hasMessage("LIGHTSPEED_OBJECT_STORE_ENDPOINT: needs LIGHTSPEED_OBJECT_STORE_BUCKET (large blobs stay in PostgreSQL without a bucket)");
  }
}
