package dev.lightspeed.cli.mount;

import dev.lightspeed.cli.gateway.LocalFilesException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Lists the files of a local directory as git would see them: {@code .git} is skipped, {@code .gitignore}
 * files (in every directory) are honoured, symbolic links and special files are skipped with a warning, and
 * names the VFS cannot hold are refused. The VFS limits are checked as files are found, so an oversized
 * directory fails fast with a message saying what to do.
 */
public final class DirectoryScanner {
  private static final int MAX_NAME_BYTES = 255;

  private final MountLimits limits;
  private final Consumer<String> warnings;

  /** {@code warnings} gets one line per skipped entry. */
  public DirectoryScanner(MountLimits limits, Consumer<String> warnings) {
    this.limits = Objects.requireNonNull(limits, "limits");
    this.warnings = Objects.requireNonNull(warnings, "warnings");
  }

  /**
   * {@return the files under {@code root}, sorted by path}
   *
   * @throws LocalFilesException when {@code root} is not a readable directory or the files exceed the limits
   */
  public List<LocalFile> scan(Path root) {
    if (!Files.isDirectory(root)) throw new LocalFilesException(root + " is not a directory");
    List<LocalFile> files = new ArrayList<>();
    long[] total = {0};
    walk(root, "", IgnoreRules.NONE, files, total);
    files.sort(Comparator.comparing(LocalFile::path));
    return List.copyOf(files);
  }

  private void walk(Path dir, String relative, IgnoreRules inherited, List<LocalFile> files, long[] total) {
    IgnoreRules rules = inherited;
    Path gitignore = dir.resolve(".gitignore");
    if (Files.isRegularFile(gitignore, LinkOption.NOFOLLOW_LINKS)) {
      try {
        rules = rules.with(IgnoreFile.parse(relative, Files.readString(gitignore, StandardCharsets.UTF_8)));
      } catch (IOException | java.io.UncheckedIOException e) {
        warnings.accept("cannot read " + gitignore + " (" + e.getMessage() + "); its patterns are not applied");
      }
    }
    List<Path> entries = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
      stream.forEach(entries::add);
    } catch (IOException e) {
      throw new LocalFilesException("cannot list " + dir + ": " + e.getMessage(), e);
    }
    entries.sort(Comparator.comparing(p -> p.getFileName().toString()));
    for (Path entry : entries) {
      String name = entry.getFileName().toString();
      String path = relative.isEmpty() ? name : relative + "/" + name;
      BasicFileAttributes attributes;
      try {
        attributes = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      } catch (IOException e) {
        warnings.accept("skipped " + path + ": " + e.getMessage());
        continue;
      }
      if (attributes.isDirectory() && name.equals(".git")) continue;
      if (rules.ignored(path, attributes.isDirectory())) continue;
      if (attributes.isSymbolicLink()) {
        warnings.accept("skipped " + path + ": a symbolic link (the VFS holds regular files only)");
      } else if (attributes.isOther()) {
        warnings.accept("skipped " + path + ": not a regular file (a device, socket or pipe)");
      } else if (name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
        throw new LocalFilesException("the name of " + path + " is longer than " + MAX_NAME_BYTES + " bytes, which the VFS cannot hold; "
            + "add it to .gitignore or rename it");
      } else if (attributes.isDirectory()) {
        walk(entry, path, rules, files, total);
      } else if (attributes.isRegularFile()) {
        add(new LocalFile(path, entry, attributes.size(), Files.isExecutable(entry)), files, total);
      }
    }
  }

  private void add(LocalFile file, List<LocalFile> files, long[] total) {
    if (file.size() > limits.maxFileBytes()) {
      throw new LocalFilesException(file.path() + " is " + MountLimits.size(file.size()) + "; the VFS takes files of at most "
          + MountLimits.size(limits.maxFileBytes()) + " (add it to .gitignore to leave it out)");
    }
    files.add(file);
    total[0] += file.size();
    if (files.size() > limits.maxFiles()) {
      throw new LocalFilesException("more than " + String.format("%,d", limits.maxFiles()) + " files to mount, the VFS limit; "
          + "leave some out with .gitignore or mount a subdirectory");
    }
    if (total[0] > limits.maxTotalBytes()) {
      throw new LocalFilesException("more than " + MountLimits.size(limits.maxTotalBytes()) + " to mount, the VFS limit; "
          + "leave some out with .gitignore or mount a subdirectory");
    }
  }
}
