package dev.lightspeed.cli.mount;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code .gitignore} files that apply in one directory of a scan: its own and those of every directory
 * above it up to the scanned root. A deeper file's patterns override a shallower one's, as in git. Immutable;
 * {@link #with} makes the rules of a subdirectory.
 */
public final class IgnoreRules {
  public static final IgnoreRules NONE = new IgnoreRules(List.of());

  private final List<IgnoreFile> files;

  private IgnoreRules(List<IgnoreFile> files) {
    this.files = List.copyOf(files);
  }

  /** {@return these rules with {@code file}'s patterns added after (so over) them} */
  public IgnoreRules with(IgnoreFile file) {
    List<IgnoreFile> more = new ArrayList<>(files);
    more.add(file);
    return new IgnoreRules(more);
  }

  /** {@return whether the entry at {@code path} (relative to the scanned root, {@code /}-separated) is ignored} */
  public boolean ignored(String path, boolean directory) {
    for (int i = files.size() - 1; i >= 0; i--) {
      Optional<Boolean> verdict = files.get(i).match(path, directory);
      if (verdict.isPresent()) return verdict.get();
    }
    return false;
  }
}
