package dev.lightspeed.server.vfs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lightspeed.api.Methods;
import dev.lightspeed.api.rpc.ErrorKind;
import dev.lightspeed.api.vfs.VfsSnapshotCommitParams;
import dev.lightspeed.api.vfs.VfsSnapshotCommitResponse;
import dev.lightspeed.api.vfs.VfsSnapshotReadParams;
import dev.lightspeed.api.vfs.VfsSnapshotReadResponse;
import dev.lightspeed.api.vfs.VfsWorkspaceCreateParams;
import dev.lightspeed.api.vfs.VfsWorkspaceCreateResponse;
import dev.lightspeed.api.vfs.VfsWorkspaceDeleteParams;
import dev.lightspeed.api.vfs.VfsWorkspaceDeleteResponse;
import dev.lightspeed.api.vfs.VfsWorkspaceListParams;
import dev.lightspeed.api.vfs.VfsWorkspaceListResponse;
import dev.lightspeed.api.vfs.VfsWorkspaceReadParams;
import dev.lightspeed.api.vfs.VfsWorkspaceReadResponse;
import dev.lightspeed.api.vfs.VfsWorkspaceUpdateParams;
import dev.lightspeed.api.vfs.VfsWorkspaceUpdateResponse;
import dev.lightspeed.api.vfs.VfsWorkspaceView;
import dev.lightspeed.engine.cas.BlobRef;
import dev.lightspeed.server.projection.EngineJson;
import dev.lightspeed.server.rpc.MethodTable;
import dev.lightspeed.server.rpc.RpcException;
import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.vfs.InvalidManifestException;
import dev.lightspeed.store.vfs.Manifest;
import dev.lightspeed.store.vfs.ManifestCodec;
import dev.lightspeed.store.vfs.MissingBlobsException;
import dev.lightspeed.store.vfs.Snapshot;
import dev.lightspeed.store.vfs.SnapshotLimitException;
import dev.lightspeed.store.vfs.SnapshotNotFoundException;
import dev.lightspeed.store.vfs.SnapshotSummary;
import dev.lightspeed.store.vfs.Snapshots;
import dev.lightspeed.store.vfs.Workspace;
import dev.lightspeed.store.vfs.WorkspaceConflictException;
import dev.lightspeed.store.vfs.WorkspaceExistsException;
import dev.lightspeed.store.vfs.WorkspaceId;
import dev.lightspeed.store.vfs.WorkspaceNotFoundException;
import dev.lightspeed.store.vfs.WorkspaceStore;
import dev.lightspeed.store.vfs.WorkspaceUpdate;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * {@code vfs/snapshots/commit|read} and {@code vfs/workspaces/create|read|list|update|delete}. A client
 * uploads the file blobs it lacks ({@code blobs/has}, {@code blobs/put}), commits the manifest, and points a
 * workspace at the snapshot; a workspace update that names a stale revision is a conflict, never a lost update.
 */
public final class VfsMethods {
  private final UniverseId universe;
  private final Snapshots snapshots;
  private final WorkspaceStore workspaces;

  public VfsMethods(UniverseId universe, Snapshots snapshots, WorkspaceStore workspaces) {
    this.universe = Objects.requireNonNull(universe, "universe");
    this.snapshots = Objects.requireNonNull(snapshots, "snapshots");
    this.workspaces = Objects.requireNonNull(workspaces, "workspaces");
  }

  public void register(MethodTable.Builder table) {
    table.on(Methods.VFS_SNAPSHOTS_COMMIT, VfsSnapshotCommitParams.class, this::commit)
        .on(Methods.VFS_SNAPSHOTS_READ, VfsSnapshotReadParams.class, this::readSnapshot)
        .on(Methods.VFS_WORKSPACES_CREATE, VfsWorkspaceCreateParams.class, this::create)
        .on(Methods.VFS_WORKSPACES_READ, VfsWorkspaceReadParams.class, p -> new VfsWorkspaceReadResponse(view(read(p.workspaceId()))))
        .on(Methods.VFS_WORKSPACES_LIST, VfsWorkspaceListParams.class,
            p -> new VfsWorkspaceListResponse(workspaces.list(universe).stream().map(VfsMethods::view).toList()))
        .on(Methods.VFS_WORKSPACES_UPDATE, VfsWorkspaceUpdateParams.class, this::update)
        .on(Methods.VFS_WORKSPACES_DELETE, VfsWorkspaceDeleteParams.class, this::delete);
  }

  private VfsSnapshotCommitResponse commit(VfsSnapshotCommitParams params) {
    if (!(params.manifest() instanceof ObjectNode tree)) throw RpcException.invalidParams("manifest must be a JSON object");
    Manifest manifest;
    try {
      manifest = ManifestCodec.fromJson(EngineJson.fromTree(tree));
    } catch (InvalidManifestException | IllegalArgumentException e) {
      throw RpcException.invalidParams("manifest: " + e.getMessage());
    }
    try {
      Snapshot snapshot = snapshots.commit(universe, manifest);
      return new VfsSnapshotCommitResponse(snapshot.ref().toString(), manifest.files(), manifest.bytes());
    } catch (SnapshotLimitException e) {
      throw RpcException.invalidParams(e.getMessage());
    } catch (MissingBlobsException e) {
      throw RpcException.of(ErrorKind.NOT_FOUND, e.getMessage() + "; upload them with blobs/put, then commit again");
    }
  }

  private VfsSnapshotReadResponse readSnapshot(VfsSnapshotReadParams params) {
    Snapshot snapshot = snapshot("snapshotRef", params.snapshotRef());
    Manifest manifest = snapshot.manifest();
    return new VfsSnapshotReadResponse(snapshot.ref().toString(), EngineJson.toTree(ManifestCodec.toJson(manifest)), manifest.files(),
        manifest.bytes());
  }

  private VfsWorkspaceCreateResponse create(VfsWorkspaceCreateParams params) {
    WorkspaceId id = params.workspaceId() == null ? WorkspaceId.of("ws_" + UUID.randomUUID().toString().replace("-", ""))
        : workspaceId(params.workspaceId());
    Snapshot seed = params.snapshotRef() == null ? snapshots.commitDerived(universe, Manifest.EMPTY) : snapshot("snapshotRef", params.snapshotRef());
    try {
      return new VfsWorkspaceCreateResponse(view(workspaces.create(universe, id, summary(seed), Optional.ofNullable(params.displayName()))));
    } catch (WorkspaceExistsException e) {
      throw RpcException.of(ErrorKind.CONFLICT, "workspace " + id + " already exists; read it, or create one with another id");
    }
  }

  private VfsWorkspaceUpdateResponse update(VfsWorkspaceUpdateParams params) {
    WorkspaceId id = workspaceId(params.workspaceId());
    Snapshot head = snapshot("snapshotRef", params.snapshotRef());
    OptionalLong expected = params.expectedRevision() == null ? OptionalLong.empty() : OptionalLong.of(params.expectedRevision());
    try {
      Workspace updated = workspaces.update(universe, id, new WorkspaceUpdate(expected, summary(head), Optional.ofNullable(params.displayName())));
      return new VfsWorkspaceUpdateResponse(view(updated));
    } catch (WorkspaceConflictException e) {
      throw RpcException.of(ErrorKind.CONFLICT, "workspace " + id + " is at revision " + e.actualRevision() + ", not "
          + e.expectedRevision() + ": someone else changed it; read it again and retry your update on top of its head");
    } catch (WorkspaceNotFoundException e) {
      throw notFound(id);
    }
  }

  private VfsWorkspaceDeleteResponse delete(VfsWorkspaceDeleteParams params) {
    WorkspaceId id = workspaceId(params.workspaceId());
    try {
      return new VfsWorkspaceDeleteResponse(view(workspaces.delete(universe, id)));
    } catch (WorkspaceNotFoundException e) {
      throw notFound(id);
    }
  }

  private Workspace read(String workspaceId) {
    WorkspaceId id = workspaceId(workspaceId);
    return workspaces.find(universe, id).orElseThrow(() -> notFound(id));
  }

  private Snapshot snapshot(String field, String text) {
    BlobRef ref = BlobRef.parseOrNull(text);
    if (ref == null) throw RpcException.invalidParams(field + " \"" + text + "\" is not a snapshot ref (expected sha256:<64 lowercase hex>)");
    try {
      return snapshots.read(universe, ref);
    } catch (SnapshotNotFoundException e) {
      throw RpcException.notFound("snapshot " + ref + " does not exist; commit it with vfs/snapshots/commit first");
    } catch (InvalidManifestException e) {
      throw RpcException.invalidParams(field + " " + ref + " is a blob but not a snapshot manifest: " + e.getMessage());
    }
  }

  private static WorkspaceId workspaceId(String text) {
    if (!WorkspaceId.isValid(text)) throw RpcException.invalidParams("workspaceId \"" + text + "\" is not a valid workspace id");
    return WorkspaceId.of(text);
  }

  private static RpcException notFound(WorkspaceId id) {
    return RpcException.notFound("workspace " + id + " does not exist; vfs/workspaces/list shows the existing ones");
  }

  private static SnapshotSummary summary(Snapshot snapshot) {
    return new SnapshotSummary(snapshot.ref(), snapshot.manifest().files(), snapshot.manifest().bytes());
  }

  static VfsWorkspaceView view(Workspace w) {
    return new VfsWorkspaceView(w.id().value(), w.displayName().orElse(null), w.head().ref().toString(), w.base().toString(),
        w.head().files(), w.head().bytes(), w.revision(), w.createdAtMs(), w.updatedAtMs());
  }
}
