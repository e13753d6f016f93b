package dev.lightspeed.cli.vfs;

import dev.lightspeed.api.ApiJson;
import dev.lightspeed.api.vfs.VfsWorkspaceListParams;
import dev.lightspeed.api.vfs.VfsWorkspaceListResponse;
import dev.lightspeed.api.vfs.VfsWorkspaceView;
import dev.lightspeed.cli.ClientCommand;
import dev.lightspeed.cli.ClientContext;
import dev.lightspeed.cli.ClientOptions;
import dev.lightspeed.cli.ExitCodes;
import dev.lightspeed.cli.gateway.Connection;
import dev.lightspeed.cli.mount.DirectoryMount;
import dev.lightspeed.cli.mount.Materializer;
import dev.lightspeed.cli.mount.MountLimits;
import dev.lightspeed.cli.mount.SnapshotUploader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code lightspeed vfs snapshot|materialize|workspaces}: moves files between local directories and the VFS. */
@Command(
    name = "vfs",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    header = "Snapshots local directories, lists workspaces, and writes a workspace's files back to disk.",
    subcommands = {VfsCommand.Snapshot.class, VfsCommand.Materialize.class, VfsCommand.Workspaces.class},
    footer = {"", "Examples:", "  lightspeed vfs snapshot .", "  lightspeed vfs workspaces list",
        "  lightspeed vfs materialize ws_4e1c9a... ./out"},
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {ExitCodes.HELP_OK, ExitCodes.HELP_FAILED, ExitCodes.HELP_USAGE, ExitCodes.HELP_GATEWAY_ERROR, ExitCodes.HELP_UNREACHABLE})
public final class VfsCommand implements Runnable {
  private final ClientContext context;
  @Spec
  CommandSpec spec;

  public VfsCommand(ClientContext context) {
    this.context = Objects.requireNonNull(context, "context");
  }

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Specify a subcommand: snapshot, materialize or workspaces");
  }

  Connection connect(CommandSpec sub, ClientOptions options) {
    return ClientCommand.connect(sub.commandLine(), context, options);
  }

  /** {@code vfs snapshot DIR}: uploads what is new and prints the snapshot ref. */
  @Command(name = "snapshot", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
      header = "Uploads a local directory as a VFS snapshot and prints its ref.",
      description = {"Scans DIR as git sees it (.gitignore files apply, .git is left out; symbolic links and special files are skipped "
          + "with a warning), uploads only the contents the gateway does not hold yet, commits the snapshot and prints its ref "
          + "(sha256:...) on stdout. A summary goes to stderr. Limits: 10,000 files, 512 MiB in total, 128 MiB per file.", ""},
      footer = {"", "Examples:", "  lightspeed vfs snapshot .", "  lightspeed vfs snapshot ~/src/app --api-url http://127.0.0.1:18080"},
      exitCodeListHeading = ExitCodes.HEADING,
      exitCodeList = {ExitCodes.HELP_OK, "2:bad usage, or DIR cannot be used (not a directory, over the VFS limits)",
          ExitCodes.HELP_GATEWAY_ERROR, ExitCodes.HELP_UNREACHABLE})
  static final class Snapshot implements Callable<Integer> {
    @ParentCommand
    VfsCommand parent;
    @Spec
    CommandSpec spec;
    @Mixin
    ClientOptions client;
    @Parameters(paramLabel = "DIR", description = "the local directory")
    Path directory;

    @Override
    public Integer call() {
      try (Connection connection = parent.connect(spec, client)) {
        SnapshotUploader.Result result = new DirectoryMount(connection.client(), spec.commandLine().getErr(),
            parent.context.terminals().interactive()).snapshot(directory);
        PrintWriter out = spec.commandLine().getOut();
        out.println(result.snapshotRef());
        out.flush();
        return ExitCodes.OK;
      }
    }
  }

  /** {@code vfs materialize SNAPSHOT_OR_WORKSPACE DEST}: writes the files into a local directory. */
  @Command(name = "materialize", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
      header = "Writes a snapshot's or a workspace's files into a local directory.",
      description = {"Writes the files of SNAPSHOT_OR_WORKSPACE (a sha256:... snapshot ref, or a workspace id for its current head) into "
          + "DEST, creating it if needed: new and changed files are written, the executable bit is set as in the snapshot. Local files "
          + "the snapshot does not have are listed, and deleted only with --delete (.git is never touched). A non-empty DEST that "
          + "shares no file with the snapshot is refused unless --force is given.", ""},
      footer = {"", "Examples:", "  lightspeed vfs materialize ws_4e1c9a... .            take the agent's edits home into this checkout",
          "  lightspeed vfs materialize sha256:9a1c... /tmp/copy",
          "  lightspeed vfs materialize ws_4e1c9a... . --delete   also remove files the agent deleted"},
      exitCodeListHeading = ExitCodes.HEADING,
      exitCodeList = {ExitCodes.HELP_OK, "2:bad usage, or DEST is unsafe to write (unrelated and not empty, a path that would leave it)",
          ExitCodes.HELP_GATEWAY_ERROR, ExitCodes.HELP_UNREACHABLE})
  static final class Materialize implements Callable<Integer> {
    @ParentCommand
    VfsCommand parent;
    @Spec
    CommandSpec spec;
    @Mixin
    ClientOptions client;
    @Parameters(index = "0", paramLabel = "SNAPSHOT_OR_WORKSPACE", description = "a snapshot ref (sha256:...) or a workspace id")
    String target;
    @Parameters(index = "1", paramLabel = "DEST", description = "the local directory to write into")
    Path dest;
    @Option(names = "--delete", description = "delete local files the snapshot does not have (instead of listing them)")
    boolean delete;
    @Option(names = "--force", description = "write into a non-empty DEST even if it shares no file with the snapshot")
    boolean force;

    @Override
    public Integer call() {
      try (Connection connection = parent.connect(spec, client)) {
        Materializer.Result result = new Materializer(connection.client()).materialize(target, dest, new Materializer.Options(delete, force));
        PrintWriter out = spec.commandLine().getOut();
        out.println("wrote " + result.written() + (result.written() == 1 ? " file" : " files") + " into " + dest + " (" + result.unchanged()
            + " unchanged) from " + result.snapshotRef());
        if (!result.extra().isEmpty()) {
          out.println((result.deleted() ? "deleted " : "not in the snapshot (--delete removes them): ") + String.join(", ", result.extra()));
        }
        out.flush();
        return ExitCodes.OK;
      }
    }
  }

  /** {@code vfs workspaces list}. */
  @Command(name = "workspaces", mixinStandardHelpOptions = true, header = "Lists workspaces.",
      subcommands = {ListWorkspaces.class}, footer = {"", "Examples:", "  lightspeed vfs workspaces list", "  lightspeed vfs workspaces list --json"},
      exitCodeListHeading = ExitCodes.HEADING,
      exitCodeList = {ExitCodes.HELP_OK, ExitCodes.HELP_USAGE, ExitCodes.HELP_GATEWAY_ERROR, ExitCodes.HELP_UNREACHABLE})
  static final class Workspaces implements Runnable {
    @ParentCommand
    VfsCommand parent;
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
      throw new ParameterException(spec.commandLine(), "Specify a subcommand: list");
    }
  }

  /** {@code vfs workspaces list [--json]}. */
  @Command(name = "list", mixinStandardHelpOptions = true, header = "Lists the workspaces: id, files, size, head snapshot, name.",
      footer = {"", "Examples:", "  lightspeed vfs workspaces list", "  lightspeed vfs workspaces list --json | jq -r '.workspaces[].workspaceId'"},
      exitCodeListHeading = ExitCodes.HEADING,
      exitCodeList = {ExitCodes.HELP_OK, ExitCodes.HELP_USAGE, ExitCodes.HELP_GATEWAY_ERROR, ExitCodes.HELP_UNREACHABLE})
  static final class ListWorkspaces implements Callable<Integer> {
    @ParentCommand
    Workspaces parent;
    @Spec
    CommandSpec spec;
    @Mixin
    ClientOptions client;
    @Option(names = "--json", description = "print {\"workspaces\": [...]} (VfsWorkspaceView objects) instead of a table")
    boolean json;

    @Override
    public Integer call() {
      try (Connection connection = parent.parent.connect(spec, client)) {
        VfsWorkspaceListResponse list = connection.client().call(new VfsWorkspaceListParams(), VfsWorkspaceListResponse.class);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
          out.println(ApiJson.toJson(list));
        } else if (list.workspaces().isEmpty()) {
          out.println("no workspaces yet; lightspeed chat --mount DIR creates one");
        } else {
          out.println(String.format("%-36s  %7s  %9s  %-20s  %s", "WORKSPACE", "FILES", "SIZE", "UPDATED", "NAME"));
          for (VfsWorkspaceView w : list.workspaces()) {
            out.println(String.format("%-36s  %7d  %9s  %-20s  %s", w.workspaceId(), w.files(), MountLimits.size(w.bytes()),
                Instant.ofEpochMilli(w.updatedAtMs()).toString().substring(0, 19).replace('T', ' '), w.displayName() == null ? "" : w.displayName()));
          }
        }
        out.flush();
        return ExitCodes.OK;
      }
    }
  }
}
