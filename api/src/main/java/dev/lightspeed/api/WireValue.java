package dev.lightspeed.api;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * An enum constant with a fixed wire spelling from the contract. Lets the enums share one lookup and lets
 * {@link ApiJson#readParams} list the accepted values when a client sends an unknown one.
 */
public interface WireValue {
  /** {@return the value exactly as it appears on the wire} */
  String wire();

  /**
   * {@return the constant of {@code type} spelled {@code wire} on the wire}
   *
   * @throws IllegalArgumentException naming the accepted values when none matches
   */
  static <E extends Enum<E> & WireValue> E parse(Class<E> type, String wire) {
    for (E constant : type.getEnumConstants()) {
      if (constant.wire().equals(wire)) return constant;
    }
    throw new IllegalArgumentException(
        "unknown " + type.getSimpleName() + " \"" + wire + "\"; expected one of " + accepted(type));
  }

  /** {@return the wire spellings of {@code type}'s constants, comma separated, for error messages} */
  static String accepted(Class<?> type) {
    return Arrays.stream(type.getEnumConstants())
        .map(c -> c instanceof WireValue w ? w.wire() : ((Enum<?>) c).name())
        .collect(Collectors.joining(", "));
  }
}
