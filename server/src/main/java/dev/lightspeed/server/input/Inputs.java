package dev.lightspeed.server.input;

import dev.lightspeed.api.input.InputAdmissionFailureKind;
import dev.lightspeed.api.input.InputItem;
import dev.lightspeed.api.input.InputItem.Media;
import dev.lightspeed.api.input.InputItem.Text;
import dev.lightspeed.api.input.InputItem.TextRef;
import dev.lightspeed.api.input.MediaKind;
import dev.lightspeed.engine.cas.BlobRef;
import dev.lightspeed.runtime.local.InputItems;
import dev.lightspeed.server.rpc.RpcException;
import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.blob.BlobStat;
import dev.lightspeed.store.blob.BlobStore;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns wire input items into stored engine input before a command is submitted: inline text is put in
 * the blob store first and referenced blobs must already be there, so commands carry only refs. Audio is
 * refused for now (there is no transcoding yet); images and documents pass with their media type.
 */
public final class Inputs {
  /** What became of one item: stored input, or the reason it was refused. */
  public sealed interface Admitted {
    record Accepted(StoredInput input) implements Admitted {}

    record Refused(InputAdmissionFailureKind kind, String message) implements Admitted {}
  }

  private final BlobStore blobs;

  public Inputs(BlobStore blobs) {
    this.blobs = Objects.requireNonNull(blobs, "blobs");
  }

  /** {@return {@code item} as stored input, or why it cannot be} */
  public Admitted admit(UniverseId universe, InputItem item) {
    return switch (item) {
      case Text(String text) -> new Admitted.Accepted(new StoredInput(InputItems.text(blobs, universe, text)));
      case TextRef(String ref) -> stored(universe, ref)
          .<Admitted>map(stat -> new Admitted.Accepted(StoredInput.text(stat.ref(), stat.size(), preview(universe, stat))))
          .orElseGet(() -> missing(ref));
      case Media(String ref, String mime, MediaKind kind, String name) -> kind == MediaKind.AUDIO
          ? new Admitted.Refused(InputAdmissionFailureKind.UNSUPPORTED_MEDIA, "audio input is not supported yet; send text, images or documents")
          : stored(universe, ref)
              .<Admitted>map(stat -> new Admitted.Accepted(
                  StoredInput.media(stat.ref(), mime, stat.size(), name == null ? "[" + kind.wire() + " " + mime + "]" : name)))
              .orElseGet(() -> missing(ref));
    };
  }

  /**
   * {@return every item as stored input, in order}
   *
   * @throws RpcException (invalid params) naming the first refused item as {@code field[index]}
   */
  public List<StoredInput> admitAll(UniverseId universe, String field, List<InputItem> items) {
    List<StoredInput> out = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      switch (admit(universe, items.get(i))) {
        case Admitted.Accepted(StoredInput accepted) -> out.add(accepted);
        case Admitted.Refused(InputAdmissionFailureKind kind, String message) ->
            throw RpcException.invalidParams(field + "[" + i + "]: " + message);
      }
    }
    return out;
  }

  /** {@return stored input as the wire shows it: text as a {@code textRef}, anything else as media} */
  public static InputItem toWire(StoredInput input) {
    String ref = input.item().content().toString();
    if (input.isText()) return new TextRef(ref);
    String type = input.item().mediaType().toLowerCase(Locale.ROOT);
    MediaKind kind = type.startsWith("image/") ? MediaKind.IMAGE : type.startsWith("audio/") ? MediaKind.AUDIO : MediaKind.DOCUMENT;
    return new Media(ref, input.item().mediaType(), kind, null);
  }

  private Optional<BlobStat> stored(UniverseId universe, String ref) {
    BlobRef parsed = BlobRef.parseOrNull(ref);
    return parsed == null ? Optional.empty() : blobs.stat(universe, parsed);
  }

  private String preview(UniverseId universe, BlobStat stat) {
    byte[] bytes = blobs.read(universe, stat.ref());
    int head = Math.min(bytes.length, 4 * InputItems.PREVIEW_CHARS);
    return InputItems.preview(new String(bytes, 0, head, StandardCharsets.UTF_8));
  }

  private static Admitted missing(String ref) {
    String message = BlobRef.isValid(ref)
        ? "blob " + ref + " is not stored; upload it with blobs/put first"
        : "\"" + ref + "\" is not a blob ref (expected sha256:<64 lowercase hex>)";
    return new Admitted.Refused(InputAdmissionFailureKind.BLOB_MISSING, message);
  }
}
