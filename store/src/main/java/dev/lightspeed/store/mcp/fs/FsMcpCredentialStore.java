package dev.lightspeed.store.mcp.fs;

import dev.lightspeed.store.StoreIoException;
import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.mcp.McpCredentialStore;
import dev.lightspeed.store.fs.RecordFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Sealed MCP credentials as one file per server, {@code <home>/gateway/mcp-credentials/<universe>/<serverId>.sealed},
 * replaced whole through a temporary file (created owner-only) and an atomic rename. Server ids must be safe
 * file names, which the catalog ensures.
 */
public final class FsMcpCredentialStore implements McpCredentialStore {
  private static final String SUFFIX = ".sealed";
  private final Path root;

  public FsMcpCredentialStore(Path home) {
    this.root = Objects.requireNonNull(home, "home").resolve("gateway").resolve("mcp-credentials");
  }

  @Override
  public Optional<String> find(UniverseId universe, String serverId) {
    return RecordFiles.read(file(universe, serverId), bytes -> new String(bytes, StandardCharsets.US_ASCII), "MCP credentials");
  }

  @Override
  public void put(UniverseId universe, String serverId, String sealed) {
    Path file = file(universe, serverId);
    try {
      Files.createDirectories(file.getParent());
    } catch (IOException e) {
      throw new StoreIoException("cannot create " + file.getParent(), e);
    }
    RecordFiles.write(file, sealed.getBytes(StandardCharsets.US_ASCII), "MCP credentials");
  }

  @Override
  public void delete(UniverseId universe, String serverId) {
    try {
      Files.deleteIfExists(file(universe, serverId));
    } catch (IOException e) {
      throw new StoreIoException("cannot delete the credentials of MCP server " + serverId, e);
    }
  }

  private Path file(UniverseId universe, String serverId) {
    return root.resolve(universe.value()).resolve(serverId + SUFFIX);
  }
}
