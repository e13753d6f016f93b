package dev.lightspeed.tools.vfs;

import dev.lightspeed.store.vfs.VfsPath;
import java.util.Objects;

/** A root of the session's namespace: the tree of {@code target} appears at {@code path} with {@code access}. */
public record WorkspaceLink(VfsPath path, LinkTarget target, LinkAccess access) {
  public WorkspaceLink {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(access, "access");
  }

  /** {@return true when tools may write through this link: a workspace linked read-write} */
  public boolean writable() {
    return access == LinkAccess.READ_WRITE && target instanceof LinkTarget.Workspace;
  }

  /** {@return how the link reads in messages: "/workspace (workspace ws-1, read-write)"} */
  public String describe() {
    String what = switch (target) {
      case LinkTarget.Workspace w -> "workspace " + w.id();
      case LinkTarget.Snapshot s -> "snapshot " + s.ref();
    };
    return path + " (" + what + ", " + (access == LinkAccess.READ_WRITE ? "read-write" : "read-only") + ")";
  }
}
