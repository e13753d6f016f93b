package dev.lightspeed.cli.mount;

import dev.lightspeed.api.blobs.BlobHasItem;
import dev.lightspeed.api.blobs.BlobHasParams;
import dev.lightspeed.api.blobs.BlobHasResponse;
import dev.lightspeed.api.blobs.BlobPutItem;
import dev.lightspeed.api.blobs.BlobPutParams;
import dev.lightspeed.api.blobs.BlobPutResponse;
import dev.lightspeed.api.vfs.VfsSnapshotCommitParams;
import dev.lightspeed.api.vfs.VfsSnapshotCommitResponse;
import dev.lightspeed.cli.gateway.GatewayClient;
import dev.lightspeed.cli.gateway.LocalFilesException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns scanned files into a committed snapshot: hashes each file (sha256, the gateway's blob address), asks
 * {@code blobs/has} which contents the gateway already holds, uploads only the missing ones with
 * {@code blobs/put} in batches that stay well under the gateway's 64 MiB request limit, then commits the
 * manifest with {@code vfs/snapshots/commit}. Unchanged content is never uploaded twice. Not thread-safe.
 */
public final class SnapshotUploader {
  /** Raw bytes per {@code blobs/put} request; base64 and JSON make a request about 4/3 of this. */
  static final long MAX_BATCH_BYTES = 24L << 20;
  /** The largest file one request can carry under the 64 MiB limit once base64-encoded. */
  static final long MAX_BLOB_BYTES = 46L << 20;
  static final int HAS_BATCH = 1_000;

  /** What an upload did. */
  public record Result(String snapshotRef, long files, long bytes, long uploadedBlobs, long uploadedBytes) {}

  private final GatewayClient gateway;
  private final UploadProgress progress;

  public SnapshotUploader(GatewayClient gateway, UploadProgress progress) {
    this.gateway = Objects.requireNonNull(gateway, "gateway");
    this.progress = Objects.requireNonNull(progress, "progress");
  }

  /**
   * Uploads what is missing of {@code files} and commits their snapshot.
   *
   * @throws LocalFilesException when a file cannot be read, is too big for one request, or changed meanwhile
   * @throws dev.lightspeed.cli.gateway.ClientException when the gateway refuses or does not answer
   */
  public Result upload(List<LocalFile> files) {
    long total = files.stream().mapToLong(LocalFile::size).sum();
    try {
      Map<String, String> refs = new LinkedHashMap<>();
      Map<String, LocalFile> contents = new LinkedHashMap<>();
      long hashed = 0;
      for (LocalFile file : files) {
        String ref = hash(file);
        refs.put(file.path(), ref);
        contents.putIfAbsent(ref, file);
        hashed += file.size();
        progress.update("hashing  ", hashed, total);
      }
      List<LocalFile> missing = missing(contents);
      long missingBytes = missing.stream().mapToLong(LocalFile::size).sum();
      long uploaded = 0;
      List<LocalFile> batch = new ArrayList<>();
      long batchBytes = 0;
      for (LocalFile file : missing) {
        if (file.size() > MAX_BLOB_BYTES) {
          throw new LocalFilesException(file.path() + " is " + MountLimits.size(file.size()) + "; one upload carries at most "
              + MountLimits.size(MAX_BLOB_BYTES) + " (add it to .gitignore to leave it out)");
        }
        if (!batch.isEmpty() && batchBytes + file.size() > MAX_BATCH_BYTES) {
          uploaded += put(batch, refs);
          progress.update("uploading", uploaded, missingBytes);
          batch.clear();
          batchBytes = 0;
        }
        batch.add(file);
        batchBytes += file.size();
      }
      if (!batch.isEmpty()) uploaded += put(batch, refs);
      progress.update("uploading", uploaded, missingBytes);
      VfsSnapshotCommitResponse committed = gateway.call(new VfsSnapshotCommitParams(Manifests.of(files, refs)), VfsSnapshotCommitResponse.class);
      return new Result(committed.snapshotRef(), committed.files(), committed.bytes(), missing.size(), uploaded);
    } finally {
      progress.finish();
    }
  }

  private List<LocalFile> missing(Map<String, LocalFile> contents) {
    List<String> refs = new ArrayList<>(contents.keySet());
    List<LocalFile> missing = new ArrayList<>();
    for (int from = 0; from < refs.size(); from += HAS_BATCH) {
      List<String> chunk = refs.subList(from, Math.min(refs.size(), from + HAS_BATCH));
      BlobHasResponse answer = gateway.call(new BlobHasParams(chunk), BlobHasResponse.class);
      for (BlobHasItem item : answer.blobs()) {
        if (!item.exists()) missing.add(contents.get(item.blobRef()));
      }
    }
    return missing;
  }

  /** Uploads {@code batch}; {@return its bytes} */
  private long put(List<LocalFile> batch, Map<String, String> refs) {
    List<BlobPutItem> items = new ArrayList<>();
    long bytes = 0;
    for (LocalFile file : batch) {
      byte[] content = read(file);
      items.add(new BlobPutItem(Base64.getEncoder().encodeToString(content)));
      bytes += content.length;
    }
    BlobPutResponse stored = gateway.call(new BlobPutParams(items), BlobPutResponse.class);
    for (int i = 0; i < batch.size(); i++) {
      LocalFile file = batch.get(i);
      if (!stored.blobs().get(i).blobRef().equals(refs.get(file.path()))) {
        throw new LocalFilesException(file.path() + " changed while it was being uploaded; run the command again");
      }
    }
    return bytes;
  }

  private static String hash(LocalFile file) {
    MessageDigest sha256;
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("every JDK has SHA-256", e);
    }
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = Files.newInputStream(file.file())) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) sha256.update(buffer, 0, n);
    } catch (IOException e) {
      throw new LocalFilesException("cannot read " + file.file() + ": " + e.getMessage(), e);
    }
    return "sha256:" + HexFormat.of().formatHex(sha256.digest());
  }

  private static byte[] read(LocalFile file) {
    try {
      return Files.readAllBytes(file.file());
    } catch (IOException e) {
      throw new LocalFilesException("cannot read " + file.file() + ": " + e.getMessage(), e);
    }
  }
}
