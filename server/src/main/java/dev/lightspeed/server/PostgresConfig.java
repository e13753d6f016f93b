package dev.lightspeed.server;

import dev.lightspeed.store.pg.BlobCache;
import dev.lightspeed.store.pg.PgPool;
import dev.lightspeed.store.pg.PostgresUrl;
import dev.lightspeed.store.pg.S3Settings;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The production store: PostgreSQL for sessions, the blob catalog and workspaces, optionally S3 for large
 * blobs. {@code LIGHTSPEED_POSTGRES_URL} selects it; without it the server uses the file store.
 *
 * @param url {@code LIGHTSPEED_POSTGRES_URL}: {@code postgresql://user:password@host:port/db} or a JDBC URL
 * @param poolSize {@code LIGHTSPEED_POSTGRES_POOL_SIZE}, default {@value PgPool#DEFAULT_SIZE} connections
 * @param blobCacheBytes {@code LIGHTSPEED_BLOB_CACHE_BYTES}, default 256 MiB; 0 disables the cache
 * @param objectStore where blobs over 64 KiB go; empty keeps them inline in PostgreSQL
 */
public record PostgresConfig(PostgresUrl url, int poolSize, long blobCacheBytes, Optional<ObjectStore> objectStore) {
  public static final String POSTGRES_URL = "LIGHTSPEED_POSTGRES_URL";
  public static final String POSTGRES_POOL_SIZE = "LIGHTSPEED_POSTGRES_POOL_SIZE";
  public static final String BLOB_CACHE_BYTES = "LIGHTSPEED_BLOB_CACHE_BYTES";
  public static final String OBJECT_STORE_BUCKET = "LIGHTSPEED_OBJECT_STORE_BUCKET";
  public static final String OBJECT_STORE_ENDPOINT = "LIGHTSPEED_OBJECT_STORE_ENDPOINT";
  public static final String OBJECT_STORE_REGION = "LIGHTSPEED_OBJECT_STORE_REGION";
  public static final String OBJECT_STORE_PREFIX = "LIGHTSPEED_OBJECT_STORE_PREFIX";
  public static final String OBJECT_STORE_FORCE_PATH_STYLE = "LIGHTSPEED_OBJECT_STORE_FORCE_PATH_STYLE";
  public static final String AWS_ACCESS_KEY_ID = "AWS_ACCESS_KEY_ID";
  public static final String AWS_SECRET_ACCESS_KEY = "AWS_SECRET_ACCESS_KEY";
  public static final String AWS_SESSION_TOKEN = "AWS_SESSION_TOKEN";

  public PostgresConfig {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(objectStore, "objectStore");
    if (poolSize < 1) throw new IllegalArgumentException("poolSize < 1: " + poolSize);
    if (blobCacheBytes < 0) throw new IllegalArgumentException("blobCacheBytes < 0: " + blobCacheBytes);
  }

  /**
   * The S3 bucket for large blobs and how to sign for it. Keys given in the environment
   * ({@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY}, optionally {@code AWS_SESSION_TOKEN}) are used
   * as they are; without them the AWS SDK's default chain applies (profiles, container and instance roles).
   */
  public record ObjectStore(S3Settings settings, Optional<Keys> keys) {
    public ObjectStore {
      Objects.requireNonNull(settings, "settings");
      Objects.requireNonNull(keys, "keys");
    }
  }

  /** Static AWS keys; {@link #toString} leaves the secrets out. */
  public record Keys(String accessKeyId, String secretAccessKey, Optional<String> sessionToken) {
    public Keys {
      Objects.requireNonNull(accessKeyId, "accessKeyId");
      Objects.requireNonNull(secretAccessKey, "secretAccessKey");
      Objects.requireNonNull(sessionToken, "sessionToken");
    }

    @Override
    public String toString() {
      return "Keys[accessKeyId=" + accessKeyId + ", secretAccessKey=***" + sessionToken.map(t -> ", sessionToken=***").orElse("") + "]";
    }
  }

  /**
   * {@return the production store {@code env} configures, or empty for the file store}
   *
   * @throws ServerConfigException naming the first variable whose value is unusable, or an object-store
   *     variable set without {@value #POSTGRES_URL}
   */
  static Optional<PostgresConfig> fromEnvironment(Map<String, String> env) {
    Optional<String> url = ServerConfig.value(env, POSTGRES_URL);
    if (url.isEmpty()) {
      for (String variable : new String[] {OBJECT_STORE_BUCKET, OBJECT_STORE_ENDPOINT, OBJECT_STORE_PREFIX, POSTGRES_POOL_SIZE}) {
        if (ServerConfig.value(env, variable).isPresent()) {
          throw new ServerConfigException(variable, "takes effect only with the PostgreSQL store; set " + POSTGRES_URL + " too");
        }
      }
      return Optional.empty();
    }
    PostgresUrl parsed;
    try {
      parsed = PostgresUrl.parse(url.get());
    } catch (IllegalArgumentException e) {
      throw new ServerConfigException(POSTGRES_URL, e.getMessage());
    }
    int poolSize = (int) number(env, POSTGRES_POOL_SIZE, PgPool.DEFAULT_SIZE, 1, 1_000);
    long cacheBytes = number(env, BLOB_CACHE_BYTES, BlobCache.DEFAULT_BYTES, 0, Long.MAX_VALUE);
    return Optional.of(new PostgresConfig(parsed, poolSize, cacheBytes, objectStore(env)));
  }

  private static Optional<ObjectStore> objectStore(Map<String, String> env) {
    Optional<String> bucket = ServerConfig.value(env, OBJECT_STORE_BUCKET);
    if (bucket.isEmpty()) {
      for (String variable : new String[] {OBJECT_STORE_ENDPOINT, OBJECT_STORE_PREFIX, OBJECT_STORE_REGION, OBJECT_STORE_FORCE_PATH_STYLE}) {
        if (ServerConfig.value(env, variable).isPresent()) {
          throw new ServerConfigException(variable, "needs " + OBJECT_STORE_BUCKET + " (large blobs stay in PostgreSQL without a bucket)");
        }
      }
      return Optional.empty();
    }
    Optional<URI> endpoint = ServerConfig.value(env, OBJECT_STORE_ENDPOINT).map(text -> {
      try {
        URI uri = new URI(text);
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
          throw new ServerConfigException(OBJECT_STORE_ENDPOINT, "expected an http(s) URL such as https://s3.example.com:9000, not \"" + text + "\"");
        }
        return uri;
      } catch (URISyntaxException e) {
        throw new ServerConfigException(OBJECT_STORE_ENDPOINT, "not a URL: \"" + text + "\" (" + e.getReason() + ")");
      }
    });
    String region = ServerConfig.value(env, OBJECT_STORE_REGION).orElse(S3Settings.DEFAULT_REGION);
    String prefix = ServerConfig.value(env, OBJECT_STORE_PREFIX).orElse("");
    S3Settings.Addressing addressing = switch (ServerConfig.value(env, OBJECT_STORE_FORCE_PATH_STYLE).orElse("false").toLowerCase(Locale.ROOT)) {
      case "true", "1", "yes" -> S3Settings.Addressing.PATH_STYLE;
      case "false", "0", "no" -> S3Settings.Addressing.VIRTUAL_HOSTED;
      default -> throw new ServerConfigException(OBJECT_STORE_FORCE_PATH_STYLE,
          "expected true or false, not \"" + env.get(OBJECT_STORE_FORCE_PATH_STYLE).strip() + "\"");
    };
    S3Settings settings;
    try {
      settings = new S3Settings(bucket.get(), endpoint, region, prefix, addressing);
    } catch (IllegalArgumentException e) {
      String variable = e.getMessage().startsWith("not an S3 bucket") ? OBJECT_STORE_BUCKET
          : e.getMessage().startsWith("not an AWS region") ? OBJECT_STORE_REGION : OBJECT_STORE_PREFIX;
      throw new ServerConfigException(variable, e.getMessage());
    }
    Optional<String> keyId = ServerConfig.value(env, AWS_ACCESS_KEY_ID);
    Optional<String> secret = ServerConfig.value(env, AWS_SECRET_ACCESS_KEY);
    if (keyId.isPresent() != secret.isPresent()) {
      String missing = keyId.isPresent() ? AWS_SECRET_ACCESS_KEY : AWS_ACCESS_KEY_ID;
      throw new ServerConfigException(missing, "must be set together with " + (keyId.isPresent() ? AWS_ACCESS_KEY_ID : AWS_SECRET_ACCESS_KEY));
    }
    Optional<Keys> keys = keyId.map(id -> new Keys(id, secret.orElseThrow(), ServerConfig.value(env, AWS_SESSION_TOKEN)));
    return Optional.of(new ObjectStore(settings, keys));
  }

  private static long number(Map<String, String> env, String variable, long fallback, long min, long max) {
    Optional<String> text = ServerConfig.value(env, variable);
    if (text.isEmpty()) return fallback;
    try {
      long value = Long.parseLong(text.get());
      if (value < min || value > max) throw new NumberFormatException();
      return value;
    } catch (NumberFormatException e) {
      throw new ServerConfigException(variable, "expected a whole number from " + min + " to " + max + ", not \"" + text.get() + "\"");
    }
  }
}
