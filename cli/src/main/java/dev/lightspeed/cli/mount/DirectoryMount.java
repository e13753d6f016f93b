package dev.lightspeed.cli.mount;

import dev.lightspeed.api.vfs.VfsWorkspaceCreateParams;
import dev.lightspeed.api.vfs.VfsWorkspaceCreateResponse;
import dev.lightspeed.api.vfs.VfsWorkspaceView;
import dev.lightspeed.cli.gateway.GatewayClient;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What {@code --mount} and {@code /mount} do before the session is linked: scan a local directory, upload what
 * the gateway lacks, commit the snapshot and create a workspace on it. Warnings (skipped symlinks and special
 * files) and one summary line go to {@code err}; a progress bar too when {@code err} is a terminal.
 */
public final class DirectoryMount {
  /** A mounted directory: its new workspace and what the upload did. */
  public record Mounted(VfsWorkspaceView workspace, SnapshotUploader.Result snapshot) {}

  private final GatewayClient gateway;
  private final PrintWriter err;
  private final boolean terminal;

  public DirectoryMount(GatewayClient gateway, PrintWriter err, boolean terminal) {
    this.gateway = Objects.requireNonNull(gateway, "gateway");
    this.err = Objects.requireNonNull(err, "err");
    this.terminal = terminal;
  }

  /** Snapshots {@code dir} and {@return the snapshot} */
  public SnapshotUploader.Result snapshot(Path dir) {
    Path root = dir.toAbsolutePath().normalize();
    List<LocalFile> files = new DirectoryScanner(MountLimits.DEFAULT, w -> say("warning: " + w)).scan(root);
    SnapshotUploader.Result result = new SnapshotUploader(gateway, terminal ? UploadProgress.bar(err) : UploadProgress.NONE).upload(files);
    say(summary(root, result));
    return result;
  }

  /** Snapshots {@code dir}, creates a workspace on it and {@return both} */
  public Mounted mount(Path dir) {
    SnapshotUploader.Result snapshot = snapshot(dir);
    String name = dir.toAbsolutePath().normalize().getFileName() == null ? "/" : dir.toAbsolutePath().normalize().getFileName().toString();
    VfsWorkspaceView workspace = gateway.call(new VfsWorkspaceCreateParams(null, name, snapshot.snapshotRef()), VfsWorkspaceCreateResponse.class)
        .workspace();
    return new Mounted(workspace, snapshot);
  }

  /** {@return the one line that says what a snapshot took} */
  static String summary(Path root, SnapshotUploader.Result result) {
    return "snapshot of " + root + ": " + result.files() + (result.files() == 1 ? " file, " : " files, ") + MountLimits.size(result.bytes())
        + "; uploaded " + result.uploadedBlobs() + (result.uploadedBlobs() == 1 ? " new blob" : " new blobs") + " ("
        + MountLimits.size(result.uploadedBytes()) + ")";
  }

  private void say(String line) {
    err.println("lightspeed: " + line);
    err.flush();
  }
}
