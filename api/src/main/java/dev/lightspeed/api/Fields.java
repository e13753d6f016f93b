package dev.lightspeed.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The member checks the wire records run in their constructors, so that an instance that exists is one the
 * contract allows, whether the server built it or Jackson decoded it from a client's params.
 */
public final class Fields {
  private Fields() {}

  /**
   * {@return {@code value}, which the contract lists as {@code required}}
   *
   * @throws InvalidFieldException when it is null
   */
  public static <T> T required(T value, String name) {
    if (value == null) throw new InvalidFieldException(name, InvalidFieldException.MISSING);
    return value;
  }

  /** {@return an unmodifiable copy of a required array member} */
  public static <T> List<T> requiredList(List<T> value, String name) {
    return copy(required(value, name), name);
  }

  /** {@return an unmodifiable copy of an array member whose schema default is {@code []}; null becomes empty} */
  public static <T> List<T> listOrEmpty(List<T> value, String name) {
    return value == null ? List.of() : copy(value, name);
  }

  /** {@return an unmodifiable copy of an optional array member without a default, or null when absent} */
  public static <T> List<T> optionalList(List<T> value, String name) {
    return value == null ? null : copy(value, name);
  }

  /** {@return {@code value}, an optional unsigned integer member, checked to be absent or at least zero} */
  public static Long unsigned(Long value, String name) {
    if (value != null && value < 0) throw new InvalidFieldException(name, "must not be negative");
    return value;
  }

  /** {@return {@code value}, a required unsigned integer member, checked to be at least zero} */
  public static long unsigned(long value, String name) {
    if (value < 0) throw new InvalidFieldException(name, "must not be negative");
    return value;
  }

  private static <T> List<T> copy(List<T> value, String name) {
    List<T> copy = new ArrayList<>(value.size());
    for (int i = 0; i < value.size(); i++) {
      T item = value.get(i);
      if (item == null) throw new InvalidFieldException(name + "[" + i + "]", "must not be null");
      copy.add(item);
    }
    return Collections.unmodifiableList(copy);
  }
}
