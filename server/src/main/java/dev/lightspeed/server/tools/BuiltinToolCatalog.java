package dev.lightspeed.server.tools;

import dev.lightspeed.engine.json.Json;
import dev.lightspeed.engine.tool.ToolSpec;
import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.blob.BlobStore;
import dev.lightspeed.store.vfs.Snapshots;
import dev.lightspeed.store.vfs.WorkspaceStore;
import dev.lightspeed.tools.Tool;
import dev.lightspeed.tools.ToolRegistry;
import dev.lightspeed.tools.dialect.FileTools;
import dev.lightspeed.tools.port.FileToolPort;
import dev.lightspeed.tools.vfs.VfsFeature;
import dev.lightspeed.tools.vfs.VfsFileSystem;
import dev.lightspeed.tools.web.WebFeature;
import dev.lightspeed.tools.web.WebFetch;
import dev.lightspeed.tools.web.WebTools;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The built-in tools: the file tools over the virtual file system and the web tools. A session gets the file
 * tools when its config has {@code features.vfs} with {@code tools}, in the dialect of its model's API kind
 * (Codex-style names for OpenAI kinds, Claude-style for Anthropic); its calls see exactly the workspaces and
 * snapshots it links. It gets {@code web_fetch} and the provider's native {@code web_search} as
 * {@code features.web} grants them (see {@link WebTools}); {@code web_search} runs at the provider, so only
 * {@code web_fetch} ever reaches this catalog's port. MCP tools are added on top by {@code McpToolCatalog}.
 */
public final class BuiltinToolCatalog {
  private BuiltinToolCatalog() {}

  /** {@return the catalog with a {@code web_fetch} that refuses loopback, as every deployment must} */
  public static ToolCatalog create(BlobStore blobs, WorkspaceStore workspaces) {
    return create(blobs, workspaces, new WebFetch());
  }

  /** {@return the catalog with {@code fetch} as its {@code web_fetch} (tests pass one that may reach a local server)} */
  public static ToolCatalog create(BlobStore blobs, WorkspaceStore workspaces, WebFetch fetch) {
    Snapshots snapshots = new Snapshots(blobs);
    List<Tool> every = new ArrayList<>(FileTools.all().tools());
    every.add(fetch);
    ToolRegistry registry = ToolRegistry.of(every);
    return new ToolCatalog(
        state -> new FileToolPort(blobs, registry, ctx -> new VfsFileSystem(UniverseId.of(ctx.universe()),
            VfsFeature.fromConfig(state.config().document()).map(VfsFeature::workspaceLinks).orElse(List.of()), workspaces, snapshots)),
        (universe, config) -> specs(blobs, universe, config, fetch));
  }

  /** @throws IllegalArgumentException naming the field when {@code features.vfs} or {@code features.web} is malformed */
  private static List<ToolSpec> specs(BlobStore blobs, UniverseId universe, Json.Obj config, WebFetch fetch) {
    String apiKind = config.findObject("model").flatMap(m -> m.findString("apiKind")).orElse("openai:responses");
    List<ToolSpec> specs = new ArrayList<>();
    Optional<VfsFeature> vfs = VfsFeature.fromConfig(config);
    vfs.ifPresent(f -> specs.addAll(ToolRegistry.of(FileTools.forSession(f, apiKind)).specs(blobs, universe)));
    Optional<WebFeature> web = WebFeature.fromConfig(config);
    web.ifPresent(f -> specs.addAll(WebTools.specs(f, apiKind, fetch, blobs, universe)));
    return List.copyOf(specs);
  }
}
