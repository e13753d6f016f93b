package dev.lightspeed.store.vfs;

import dev.lightspeed.engine.cas.BlobRef;
import dev.lightspeed.store.StoreException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A manifest was committed before the blobs of its files were uploaded. The caller puts the {@link #missing}
 * blobs (all of them, not only the few the message quotes) and commits again.
 */
public final class MissingBlobsException extends StoreException {
  private static final int QUOTED = 5;

  private final Set<BlobRef> missing;

  public MissingBlobsException(Set<BlobRef> missing) {
    super(message(missing));
    this.missing = Set.copyOf(missing);
  }

  /** {@return every ref the manifest names that the universe lacks} */
  public Set<BlobRef> missing() {
    return missing;
  }

  private static String message(Set<BlobRef> missing) {
    List<String> quoted = missing.stream().sorted().limit(QUOTED).map(BlobRef::toString).toList();
    String more = missing.size() > QUOTED ? " and " + (missing.size() - QUOTED) + " more" : "";
    return "the manifest names " + missing.size() + " blob(s) the store does not hold: "
        + quoted.stream().collect(Collectors.joining(", ")) + more + "; upload them first";
  }
}
