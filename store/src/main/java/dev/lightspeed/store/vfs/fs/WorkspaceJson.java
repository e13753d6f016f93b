package dev.lightspeed.store.vfs.fs;

import dev.lightspeed.engine.cas.BlobRef;
import dev.lightspeed.engine.json.CanonicalJson;
import dev.lightspeed.engine.json.Json;
import dev.lightspeed.store.vfs.SnapshotSummary;
import dev.lightspeed.store.vfs.Workspace;
import dev.lightspeed.store.vfs.WorkspaceId;

/** The stored form of a {@link Workspace}: one canonical JSON object per {@code workspace.json}. */
final class WorkspaceJson {
  private static final int VERSION = 1;

  private WorkspaceJson() {}

  static byte[] encode(Workspace w) {
    Json.Obj.Builder b = Json.Obj.builder()
        .put("version", VERSION)
        .put("id", w.id().value())
        .put("head", w.head().ref().toString())
        .put("files", w.head().files())
        .put("bytes", w.head().bytes())
        .put("revision", w.revision())
        .put("base", w.base().toString())
        .put("createdAtMs", w.createdAtMs())
        .put("updatedAtMs", w.updatedAtMs());
    w.displayName().ifPresent(n -> b.put("displayName", n));
    return CanonicalJson.writeUtf8(b.build());
  }

  /** @throws RuntimeException (JSON syntax, shape or validation) when the bytes are not a stored workspace */
  static Workspace decode(byte[] bytes) {
    Json.Obj o = (Json.Obj) CanonicalJson.parse(bytes);
    if (o.number("version") != VERSION) throw new IllegalStateException("unsupported workspace record version " + o.number("version"));
    return new Workspace(
        WorkspaceId.of(o.string("id")),
        new SnapshotSummary(BlobRef.parse(o.string("head")), o.number("files"), o.number("bytes")),
        o.number("revision"),
        BlobRef.parse(o.string("base")),
        o.findString("displayName"),
        o.number("createdAtMs"),
        o.number("updatedAtMs"));
  }
}
