package dev.lightspeed.server.input;

import dev.lightspeed.engine.cas.BlobRef;
import dev.lightspeed.engine.run.InputItem;
import java.util.Objects;

/**
 * An engine input item whose bytes are in the blob store, ready to go into a command. Kept apart from the
 * wire's {@code InputItem} of the same simple name so each file names only one of the two.
 */
public record StoredInput(InputItem item) {
  public StoredInput {
    Objects.requireNonNull(item, "item");
  }

  static StoredInput text(BlobRef ref, long size, String preview) {
    return new StoredInput(InputItem.text(ref, size, preview));
  }

  static StoredInput media(BlobRef ref, String mediaType, long size, String preview) {
    return new StoredInput(new InputItem(ref, mediaType, size, preview));
  }

  /** {@return whether the item is text (shown on the wire as a {@code textRef})} */
  public boolean isText() {
    return item.isText();
  }
}
