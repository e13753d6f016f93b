package dev.lightspeed.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.fs.FsBlobStore;
import dev.lightspeed.store.memory.InMemoryBlobStore;
import dev.lightspeed.store.vfs.fs.FsWorkspaceStore;
import dev.lightspeed.store.vfs.memory.InMemoryWorkspaceStore;
import dev.lightspeed.tools.Tool;
import dev.lightspeed.tools.ToolContext;
import dev.lightspeed.tools.ToolRegistry;
import dev.lightspeed.tools.ToolResult;
import dev.lightspeed.tools.dialect.Dialect;
import dev.lightspeed.tools.dialect.FileTools;
import dev.lightspeed.tools.fs.FileSystem;
import dev.lightspeed.tools.fs.LocalFileSystem;
import dev.lightspeed.tools.vfs.ToolSurface;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One Codex {@code grep} call over the generated 10,000-file, ~100 MB {@link SourceTree}, through the real tool
 * (found by name in a {@link ToolRegistry} of the Codex read-only tools, arguments as the model sends them; the
 * Claude {@code Grep} runs the same search code), for a literal and for a regex, on a local directory
 * ({@link LocalFileSystem}) and on the VFS (the tree committed as a snapshot, a workspace at it linked
 * read-only) with in-memory and file-system stores. The answer is known (40 and 60 lines), the limit is set
 * above it, and every call is checked to have found exactly that and hit no search bound, so a bound can never
 * make the search look fast. Compare with {@code rg} on the same tree (see bench/README.md) and with
 * {@link GrepBaselineBench}, the same search in plain Java without the tool.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class GrepBench {
  static final UniverseId UNIVERSE = UniverseId.DEFAULT;

  /** Which file system the tool runs on. */
  public enum Target {
    /** The directory on disk, through {@link LocalFileSystem}. */
    LOCAL,
    /** The VFS over {@link InMemoryBlobStore} and {@link InMemoryWorkspaceStore}. */
    VFS_MEMORY,
    /** The VFS over {@link FsBlobStore} and {@link FsWorkspaceStore} (blobs as files on disk). */
    VFS_FS
  }

  /** What to search for. */
  public enum Search {
    LITERAL(SourceTree.LITERAL, SourceTree.LITERAL_LINES),
    REGEX(SourceTree.REGEX, SourceTree.REGEX_LINES);

    final String pattern;
    final int lines;

    Search(String pattern, int lines) {
      this.pattern = pattern;
      this.lines = lines;
    }
  }

  @Param({"LOCAL", "VFS_MEMORY", "VFS_FS"})
  public Target target;

  @Param({"LITERAL", "REGEX"})
  public Search search;

  private Tool grep;
  private ToolContext context;
  private ObjectNode arguments;
  private Path workspaceDir;

  @Setup(Level.Trial)
  public void prepare() throws IOException {
    Path tree = GrepTree.ensure();
    FileSystem files = switch (target) {
      case LOCAL -> new LocalFileSystem(tree);
      case VFS_MEMORY -> VfsTree.link(tree, UNIVERSE, new InMemoryBlobStore(), new InMemoryWorkspaceStore());
      case VFS_FS -> {
        workspaceDir = Files.createTempDirectory("lightspeed-grep-bench-workspaces");
        yield VfsTree.link(tree, UNIVERSE, new FsBlobStore(GrepTree.BLOB_STORE), new FsWorkspaceStore(workspaceDir, InstantSource.system()));
      }
    };
    context = ToolContext.of(files);
    grep = ToolRegistry.of(FileTools.of(Dialect.CODEX, ToolSurface.READ_ONLY)).find("grep").orElseThrow();
    arguments = JsonNodeFactory.instance.objectNode().put("pattern", search.pattern).put("limit", 1_000);
    if (target != Target.LOCAL) arguments.put("path", VfsTree.MOUNT.toString());
    ToolResult first = grep();
    System.out.printf("%n[GrepBench %s %s] tree %s (%s); %d matching lines in %d files; no bound hit%n", target, search,
        tree, GrepTree.totals(), search.lines, first.text().lines().map(l -> l.substring(0, l.indexOf(':'))).distinct().count());
  }

  @Benchmark
  public ToolResult grep() {
    ToolResult result = grep.invoke(arguments, context);
    String text = result.text();
    if (result.isError() || text.contains("\n[") || text.lines().count() != search.lines) {
      throw new IllegalStateException("grep did not find exactly the " + search.lines + " planted lines, or hit a bound: "
          + text.substring(Math.max(0, text.length() - 400)));
    }
    return result;
  }

  @TearDown(Level.Trial)
  public void deleteWorkspaces() throws IOException {
    if (workspaceDir != null) GrepTree.deleteRecursively(workspaceDir);
  }
}
