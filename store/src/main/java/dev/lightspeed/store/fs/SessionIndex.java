package dev.lightspeed.store.fs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Arrays;

/**
 * Where each entry of one {@code events.jsonl} starts, so a page is one positioned read instead of a scan from
 * the top. Built by scanning for line ends once per session and then extended by appends and by scans of what
 * other writers added. Not thread-safe: used only under the session's lock.
 */
final class SessionIndex {
  private static final int SCAN_CHUNK = 64 * 1024;

  private final String incarnation;
  private long[] starts = new long[64];
  private int count;
  private long end;

  SessionIndex(String incarnation) {
    this.incarnation = incarnation;
  }

  /** {@return the incarnation of the session this index was built for} */
  String incarnation() {
    return incarnation;
  }

  /** {@return how many complete lines are indexed} */
  int count() {
    return count;
  }

  /** {@return the byte offset just past the last complete line} */
  long end() {
    return end;
  }

  /** {@return the byte offset where the line of {@code seq} (1-based) starts} */
  long startOf(long seq) {
    return starts[Math.toIntExact(seq - 1)];
  }

  /** {@return the byte offset just past the line of {@code seq} (1-based), its newline included} */
  long endOf(long seq) {
    return seq < count ? starts[Math.toIntExact(seq)] : end;
  }

  /**
   * Indexes the complete lines between {@link #end()} and the end of the file. Bytes after the last newline
   * (a line being written, or torn by a crash) are left unindexed.
   */
  void scan(FileChannel channel) throws IOException {
    long size = channel.size();
    ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(SCAN_CHUNK, Math.max(size - end, 1)));
    byte[] bytes = buffer.array();
    long position = end;
    long lineStart = end;
    while (position < size) {
      buffer.clear();
      int read = channel.read(buffer, position);
      if (read < 0) break;
      for (int i = 0; i < read; i++) {
        if (bytes[i] == '\n') {
          add(lineStart);
          lineStart = position + i + 1;
        }
      }
      position += read;
    }
    end = lineStart;
  }

  /** Records a line of {@code length} bytes (newline included) written at {@link #end()}. */
  void appended(long length) {
    add(end);
    end += length;
  }

  private void add(long start) {
    if (count == starts.length) starts = Arrays.copyOf(starts, starts.length * 2);
    starts[count++] = start;
  }
}
