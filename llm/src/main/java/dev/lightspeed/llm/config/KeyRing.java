package dev.lightspeed.llm.config;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The API keys of one provider, used one at a time: when the current key is rate limited or rejected the
 * caller rotates to the next. Keys are secrets: {@link #toString()} never shows them. Thread-safe.
 */
public final class KeyRing {
  private final List<String> keys;
  private final AtomicInteger current = new AtomicInteger();

  private KeyRing(List<String> keys) {
    this.keys = List.copyOf(keys);
  }

  public static KeyRing of(List<String> keys) {
    for (String k : keys) if (k.isBlank()) throw new IllegalArgumentException("an API key is empty");
    return new KeyRing(keys);
  }

  /** Splits a comma-separated list, ignoring blanks around commas. */
  public static KeyRing parse(String commaSeparated) {
    if (commaSeparated == null || commaSeparated.isBlank()) return none();
    return of(Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList());
  }

  public static KeyRing none() {
    return new KeyRing(List.of());
  }

  public int size() {
    return keys.size();
  }

  /** {@return the key to use now, or empty for keyless providers (local servers)} */
  public Optional<String> current() {
    return keys.isEmpty() ? Optional.empty() : Optional.of(keys.get(Math.floorMod(current.get(), keys.size())));
  }

  /**
   * Moves past {@code failed} if it is still the current key. {@return the position of the key now current,
   * which callers compare with where they started to know when every key has been tried}
   */
  public int rotateFrom(String failed) {
    int at = current.get();
    if (!keys.isEmpty() && keys.get(Math.floorMod(at, keys.size())).equals(failed)) current.compareAndSet(at, at + 1);
    return current.get();
  }

  public int position() {
    return current.get();
  }

  @Override
  public String toString() {
    return "KeyRing[" + keys.size() + " key" + (keys.size() == 1 ? "" : "s") + "]";
  }
}
