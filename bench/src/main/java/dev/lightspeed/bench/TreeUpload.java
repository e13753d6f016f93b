package dev.lightspeed.bench;

import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.blob.BlobStore;
import dev.lightspeed.store.vfs.VfsFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Puts every file of a local directory into a blob store, as a client does before committing a snapshot, and
 * returns the manifest entries for them. Benchmarks run it in their setup, outside the measurement.
 */
final class TreeUpload {
  private TreeUpload() {}

  /** {@return one entry per regular file under {@code dir}, in path order, each file's blob stored} */
  static List<ManifestBuilder.Entry> put(Path dir, BlobStore blobs, UniverseId universe) {
    List<ManifestBuilder.Entry> entries = new ArrayList<>();
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.filter(Files::isRegularFile).sorted().toList()) {
        byte[] bytes = Files.readAllBytes(p);
        String relative = dir.relativize(p).toString();
        entries.add(new ManifestBuilder.Entry(relative, VfsFile.of(blobs.put(universe, bytes), bytes.length)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot upload " + dir, e);
    }
    return entries;
  }
}
