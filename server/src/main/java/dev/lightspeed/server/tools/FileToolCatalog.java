package dev.lightspeed.server.tools;

import dev.lightspeed.engine.json.Json;
import dev.lightspeed.engine.tool.ToolSpec;
import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.blob.BlobStore;
import dev.lightspeed.store.vfs.Snapshots;
import dev.lightspeed.store.vfs.WorkspaceStore;
import dev.lightspeed.tools.ToolRegistry;
import dev.lightspeed.tools.dialect.FileTools;
import dev.lightspeed.tools.port.FileToolPort;
import dev.lightspeed.tools.vfs.VfsFeature;
import dev.lightspeed.tools.vfs.VfsFileSystem;
import java.util.List;
import java.util.Optional;

/**
 * The built-in file tools over the virtual file system. A session gets them when its config has
 * {@code features.vfs} with {@code tools}, in the dialect of its model's API kind (Codex-style names for
 * OpenAI kinds, Claude-style for Anthropic); its calls see exactly the workspaces and snapshots it links.
 */
public final class FileToolCatalog {
  private FileToolCatalog() {}

  public static ToolCatalog create(BlobStore blobs, WorkspaceStore workspaces) {
    Snapshots snapshots = new Snapshots(blobs);
    ToolRegistry every = FileTools.all();
    return new ToolCatalog(
        state -> new FileToolPort(blobs, every, ctx -> new VfsFileSystem(UniverseId.of(ctx.universe()),
            feature(state.config().document()).map(VfsFeature::workspaceLinks).orElse(List.of()), workspaces, snapshots)),
        (universe, config) -> specs(blobs, universe, config));
  }

  private static List<ToolSpec> specs(BlobStore blobs, UniverseId universe, Json.Obj config) {
    Optional<VfsFeature> feature = feature(config);
    if (feature.isEmpty()) return List.of();
    String apiKind = config.findObject("model").flatMap(m -> m.findString("apiKind")).orElse("openai:responses");
    return ToolRegistry.of(FileTools.forSession(feature.get(), apiKind)).specs(blobs, universe);
  }

  /** @throws IllegalArgumentException naming the field when {@code features.vfs} is malformed */
  private static Optional<VfsFeature> feature(Json.Obj config) {
    return VfsFeature.fromConfig(config);
  }
}
