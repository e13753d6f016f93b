package dev.lightspeed.server;

import dev.lightspeed.server.session.DisplayNames;
import dev.lightspeed.server.session.FsDisplayNames;
import dev.lightspeed.server.session.PgDisplayNames;
import dev.lightspeed.store.StoreIoException;
import dev.lightspeed.store.blob.BlobStore;
import dev.lightspeed.store.fs.FsBlobStore;
import dev.lightspeed.store.fs.FsSessionLog;
import dev.lightspeed.store.log.SessionLog;
import dev.lightspeed.store.mcp.McpCredentialStore;
import dev.lightspeed.store.mcp.McpServerStore;
import dev.lightspeed.store.mcp.fs.FsMcpCredentialStore;
import dev.lightspeed.store.mcp.fs.FsMcpServerStore;
import dev.lightspeed.store.pg.BlobCache;
import dev.lightspeed.store.pg.Migrations;
import dev.lightspeed.store.pg.ObjectStore;
import dev.lightspeed.store.pg.PgBlobStore;
import dev.lightspeed.store.pg.PgMcpCredentialStore;
import dev.lightspeed.store.pg.PgMcpServerStore;
import dev.lightspeed.store.pg.PgPool;
import dev.lightspeed.store.pg.PgProfileStore;
import dev.lightspeed.store.pg.PgSessionLog;
import dev.lightspeed.store.pg.PgSessionNames;
import dev.lightspeed.store.pg.PgUnavailableException;
import dev.lightspeed.store.pg.PgWorkspaceStore;
import dev.lightspeed.store.pg.S3ObjectStore;
import dev.lightspeed.store.profile.ProfileStore;
import dev.lightspeed.store.profile.fs.FsProfileStore;
import dev.lightspeed.store.vfs.WorkspaceStore;
import dev.lightspeed.store.vfs.fs.FsWorkspaceStore;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The stores one server process uses, chosen by configuration: the file store under {@code LIGHTSPEED_HOME},
 * or PostgreSQL (+ S3) when {@code LIGHTSPEED_POSTGRES_URL} is set. Opening the production store connects at
 * once, checks that the schema is this build's and that the bucket answers, so a misconfigured server fails
 * at start-up with the variable or command to fix, not at its first request.
 */
final class ServerStores implements AutoCloseable {
  /** How long start-up waits for PostgreSQL to accept a connection. */
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  final SessionLog log;
  final BlobStore blobs;
  final WorkspaceStore workspaces;
  final DisplayNames names;
  final ProfileStore profiles;
  /** The MCP server catalog (records hold header names only; the values are sealed in {@link #mcpCredentials}). */
  final McpServerStore mcpServers;
  /** The MCP servers' secrets (header values, OAuth logins), sealed under the master key before they reach it. */
  final McpCredentialStore mcpCredentials;
  /** Where the stores keep their data, for the start-up banner. */
  final String description;
  private final AutoCloseable resources;

  private ServerStores(SessionLog log, BlobStore blobs, WorkspaceStore workspaces, DisplayNames names, ProfileStore profiles,
      McpServerStore mcpServers, McpCredentialStore mcpCredentials, String description, AutoCloseable resources) {
    this.log = log;
    this.blobs = blobs;
    this.workspaces = workspaces;
    this.names = names;
    this.profiles = profiles;
    this.mcpServers = mcpServers;
    this.mcpCredentials = mcpCredentials;
    this.description = description;
    this.resources = resources;
  }

  /**
   * Opens the stores of {@code config}.
   *
   * @throws ServerConfigException naming the variable when PostgreSQL or the bucket cannot be reached
   * @throws dev.lightspeed.store.pg.SchemaMismatchException naming the command to run when the schema is not
   *     this build's
   */
  static ServerStores open(ServerConfig config) {
    if (config.postgres().isEmpty()) {
      InstantSource clock = InstantSource.system();
      return new ServerStores(new FsSessionLog(config.home(), clock), new FsBlobStore(config.home()),
          new FsWorkspaceStore(config.home(), clock), new FsDisplayNames(config.home()), new FsProfileStore(config.home(), clock),
          new FsMcpServerStore(config.home()), new FsMcpCredentialStore(config.home()), config.home().toString(), () -> {});
    }
    PostgresConfig pg = config.postgres().get();
    PgPool pool = connect(pg);
    S3ObjectStore s3 = null;
    try {
      new Migrations(pool.dataSource()).requireCurrent();
      if (pg.objectStore().isPresent()) s3 = openBucket(pg.objectStore().get());
      Optional<ObjectStore> objects = Optional.ofNullable(s3);
      InstantSource clock = InstantSource.system();
      S3ObjectStore bucket = s3;
      AutoCloseable resources = () -> {
        try {
          if (bucket != null) bucket.close();
        } finally {
          pool.close();
        }
      };
      return new ServerStores(new PgSessionLog(pool, clock), new PgBlobStore(pool, objects, new BlobCache(pg.blobCacheBytes())),
          new PgWorkspaceStore(pool, clock), new PgDisplayNames(new PgSessionNames(pool)), new PgProfileStore(pool, clock),
          new PgMcpServerStore(pool), new PgMcpCredentialStore(pool),
          "PostgreSQL " + pool.url() + objects.map(o -> ", large blobs in " + o.describe()).orElse(""), resources);
    } catch (RuntimeException e) {
      if (s3 != null) s3.close();
      pool.close();
      throw e;
    }
  }

  /**
   * {@return a pool to the configured database}
   *
   * @throws ServerConfigException naming {@value PostgresConfig#POSTGRES_URL} when it cannot be reached
   */
  static PgPool connect(PostgresConfig pg) {
    try {
      return PgPool.open(pg.url(), pg.poolSize(), CONNECT_TIMEOUT, "lightspeed-server");
    } catch (PgUnavailableException e) {
      throw new ServerConfigException(PostgresConfig.POSTGRES_URL, e.getMessage());
    }
  }

  private static S3ObjectStore openBucket(PostgresConfig.ObjectStore config) {
    AwsCredentialsProvider credentials = config.keys()
        .<AwsCredentialsProvider>map(k -> StaticCredentialsProvider.create(k.sessionToken().isPresent()
            ? AwsSessionCredentials.create(k.accessKeyId(), k.secretAccessKey(), k.sessionToken().get())
            : AwsBasicCredentials.create(k.accessKeyId(), k.secretAccessKey())))
        .orElseGet(() -> DefaultCredentialsProvider.builder().build());
    try {
      return S3ObjectStore.open(config.settings(), credentials);
    } catch (StoreIoException e) {
      String variable = config.settings().endpoint().isPresent() ? PostgresConfig.OBJECT_STORE_ENDPOINT : PostgresConfig.OBJECT_STORE_BUCKET;
      throw new ServerConfigException(variable, e.getMessage());
    }
  }

  @Override
  public void close() {
    try {
      resources.close();
    } catch (Exception e) {
      throw new IllegalStateException("cannot close the stores: " + e.getMessage(), e);
    }
  }
}
