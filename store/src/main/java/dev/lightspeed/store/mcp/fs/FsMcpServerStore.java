package dev.lightspeed.store.mcp.fs;

import dev.lightspeed.engine.json.CanonicalJson;
import dev.lightspeed.engine.json.Json;
import dev.lightspeed.store.StoreIoException;
import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.fs.DirectoryLock;
import dev.lightspeed.store.fs.RecordFiles;
import dev.lightspeed.store.mcp.McpServerRules;
import dev.lightspeed.store.mcp.McpServerStore;
import dev.lightspeed.store.mcp.StoredMcpServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The catalog as one JSON file per server under the server's home:
 * {@code <home>/gateway/mcp-servers/<universe>/<serverId>.json}, each written whole ({@link RecordFiles}). Changes
 * hold the universe's directory ({@link DirectoryLock}), so processes sharing a home do not lose each other's
 * puts. Server ids must be
 * safe file names (no path separators, not starting with a dot); the gateway's id rule guarantees it, and
 * other ids are refused with {@link IllegalArgumentException} rather than written outside the catalog.
 */
public final class FsMcpServerStore implements McpServerStore {
  private static final String SUFFIX = ".json";
  private final Path root;

  public FsMcpServerStore(Path home) {
    this.root = Objects.requireNonNull(home, "home").resolve("gateway").resolve("mcp-servers");
  }

  @Override
  public Optional<StoredMcpServer> find(UniverseId universe, String serverId) {
    return read(file(universe, serverId), serverId);
  }

  @Override
  public List<StoredMcpServer> list(UniverseId universe) {
    Path dir = root.resolve(universe.value());
    List<StoredMcpServer> servers = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
      for (Path file : files) {
        String name = file.getFileName().toString();
        read(file, name.substring(0, name.length() - SUFFIX.length())).ifPresent(servers::add);
      }
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      throw new StoreIoException("cannot list the MCP servers of universe " + universe.value(), e);
    }
    servers.sort(Comparator.comparing(StoredMcpServer::serverId));
    return List.copyOf(servers);
  }

  @Override
  public StoredMcpServer put(UniverseId universe, String serverId, Json.Obj document, OptionalLong expectedRevision, long nowMs) {
    Path file = file(universe, serverId);
    return DirectoryLock.holding(file.getParent(), () -> {
      StoredMcpServer stored = McpServerRules.put(serverId, read(file, serverId).orElse(null), expectedRevision, document, nowMs);
      RecordFiles.write(file, CanonicalJson.writeUtf8(Json.Obj.builder()
          .put("document", document)
          .put("revision", stored.revision())
          .put("createdAtMs", stored.createdAtMs())
          .put("updatedAtMs", stored.updatedAtMs())
          .build()), "MCP server");
      return stored;
    });
  }

  @Override
  public Optional<StoredMcpServer> delete(UniverseId universe, String serverId) {
    Path file = file(universe, serverId);
    return DirectoryLock.holding(file.getParent(), () -> {
      Optional<StoredMcpServer> current = read(file, serverId);
      if (current.isEmpty()) return current;
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        throw new StoreIoException("cannot delete MCP server " + serverId, e);
      }
      return current;
    });
  }

  private static Optional<StoredMcpServer> read(Path file, String serverId) {
    return RecordFiles.read(file, bytes -> {
      Json.Obj o = CanonicalJson.parseObject(new String(bytes, StandardCharsets.UTF_8));
      return new StoredMcpServer(serverId, o.object("document"), o.number("revision"), o.number("createdAtMs"), o.number("updatedAtMs"));
    }, "MCP server");
  }

  private Path file(UniverseId universe, String serverId) {
    Objects.requireNonNull(serverId, "serverId");
    if (serverId.isEmpty() || serverId.startsWith(".") || serverId.indexOf('/') >= 0 || serverId.indexOf('\\') >= 0
        || serverId.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("MCP server id \"" + serverId + "\" is not a safe file name");
    }
    return root.resolve(universe.value()).resolve(serverId + SUFFIX);
  }
}
