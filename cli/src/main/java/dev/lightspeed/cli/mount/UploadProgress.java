package dev.lightspeed.cli.mount;

import java.io.PrintWriter;
import java.util.Objects;

/**
 * Where a snapshot upload reports how far it got. {@link #NONE} says nothing (output that is not a terminal
 * gets one summary line from the caller instead); {@link #bar} redraws one line on a terminal.
 * Called from the uploading thread only.
 */
public interface UploadProgress {
  UploadProgress NONE = new UploadProgress() {
    @Override
    public void update(String phase, long done, long total) {}

    @Override
    public void finish() {}
  };

  /** {@code done} of {@code total} bytes are through {@code phase} ("hashing", "uploading"). */
  void update(String phase, long done, long total);

  /** The upload ended; a bar clears its line. */
  void finish();

  /** {@return a progress bar redrawn in place on {@code terminal} (stderr on a terminal)} */
  static UploadProgress bar(PrintWriter terminal) {
    Objects.requireNonNull(terminal, "terminal");
    return new UploadProgress() {
      private long lastDrawn;

      @Override
      public void update(String phase, long done, long total) {
        long now = System.nanoTime();
        if (done < total && now - lastDrawn < 50_000_000L) return;
        lastDrawn = now;
        int width = 30;
        int filled = total == 0 ? width : (int) (width * Math.min(1.0, (double) done / total));
        terminal.print("\r" + phase + " [" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + MountLimits.size(done) + " / "
            + MountLimits.size(total) + "   ");
        terminal.flush();
      }

      @Override
      public void finish() {
        terminal.print("\r" + " ".repeat(72) + "\r");
        terminal.flush();
      }
    };
  }
}
