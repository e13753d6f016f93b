package dev.lightspeed.engine.run;

import dev.lightspeed.engine.cas.BlobRef;
import dev.lightspeed.engine.context.ContextItem;
import dev.lightspeed.engine.context.EntryKind;
import dev.lightspeed.engine.context.EntryRole;
import java.util.Objects;

/**
 * One item of user input (a run's input or a steering message): the blob holding it, its media type, its
 * size and a short preview. The host stores the bytes before it admits the command, so the engine only
 * ever sees refs.
 */
public record InputItem(BlobRef content, String mediaType, long size, String preview) {
  public static final String TEXT = "text/plain";
  /** Token estimate charged for one image or document, whose real cost the provider reports later. */
  public static final long MEDIA_TOKEN_ESTIMATE = 1_000;

  public InputItem {
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(mediaType, "mediaType");
    Objects.requireNonNull(preview, "preview");
    if (size < 0) throw new IllegalArgumentException("size < 0: " + size);
  }

  public static InputItem text(BlobRef content, long size, String preview) {
    return new InputItem(content, TEXT, size, preview);
  }

  public boolean isText() {
    return mediaType.startsWith("text/");
  }

  /** {@return this input as a user message context item} */
  public ContextItem toContextItem() {
    long tokens = isText() ? Math.max(1, (size + 3) / 4) : MEDIA_TOKEN_ESTIMATE;
    return new ContextItem(null, EntryKind.MESSAGE, EntryRole.USER, content, mediaType, null, preview, tokens, null, false);
  }
}
