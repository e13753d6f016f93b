package dev.lightspeed.store.blob;

import dev.lightspeed.engine.cas.BlobRef;
import dev.lightspeed.engine.cas.WellKnownBlob;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Lookup of the {@link WellKnownBlob}s by ref, for stores that serve them in every universe without storing
 * them.
 */
public final class WellKnownBlobs {
  private static final Map<BlobRef, WellKnownBlob> BY_REF =
      Stream.of(WellKnownBlob.values()).collect(Collectors.toUnmodifiableMap(WellKnownBlob::ref, Function.identity()));

  private WellKnownBlobs() {}

  /** {@return the well-known blob with this ref, or empty when {@code ref} is not one} */
  public static Optional<WellKnownBlob> find(BlobRef ref) {
    return Optional.ofNullable(BY_REF.get(Objects.requireNonNull(ref, "ref")));
  }

  /** {@return true when {@code ref} is a well-known blob's ref} */
  public static boolean contains(BlobRef ref) {
    return BY_REF.containsKey(Objects.requireNonNull(ref, "ref"));
  }
}
