package dev.lightspeed.runtime.local;

import dev.lightspeed.engine.cas.BlobRef;
import dev.lightspeed.engine.run.InputItem;
import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.blob.BlobStore;
import java.nio.charset.StandardCharsets;

/** Turns user input into {@link InputItem}s: stores the bytes first, so commands carry only refs. */
public final class InputItems {
  /** Characters of text kept as an input's preview. */
  public static final int PREVIEW_CHARS = 200;

  private InputItems() {}

  public static InputItem text(BlobStore blobs, UniverseId universe, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    BlobRef ref = blobs.put(universe, bytes);
    return InputItem.text(ref, bytes.length, preview(text));
  }

  public static String preview(String text) {
    String oneLine = text.strip().replaceAll("\\s+", " ");
    if (oneLine.length() <= PREVIEW_CHARS) return oneLine;
    int end = PREVIEW_CHARS - 1;
    if (Character.isHighSurrogate(oneLine.charAt(end - 1))) end--;
    return oneLine.substring(0, end) + "…";
  }
}
