package dev.lightspeed.engine.json;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable JSON value. The engine carries config documents and event payloads as these values so that
 * it can fingerprint them with {@link CanonicalJson} without depending on a JSON library.
 *
 * <p>Numbers are kept as {@link Num} holding either an exact {@code long} or the literal text of a
 * non-integral number, so a document read and written back is unchanged. Objects keep insertion order;
 * the canonical writer sorts keys.
 */
public sealed interface Json {

  /** JSON {@code null}. */
  Null NULL = new Null();
  /** JSON {@code true}. */
  Bool TRUE = new Bool(true);
  /** JSON {@code false}. */
  Bool FALSE = new Bool(false);

  static Str of(String value) {
    return new Str(value);
  }

  static Num of(long value) {
    return new Num(value, null);
  }

  static Bool of(boolean value) {
    return value ? TRUE : FALSE;
  }

  /** The JSON null singleton. */
  record Null() implements Json {}

  /** A JSON boolean. */
  record Bool(boolean value) implements Json {}

  /** A JSON string. */
  record Str(String value) implements Json {
    public Str {
      Objects.requireNonNull(value, "value");
    }
  }

  /**
   * A JSON number: {@code text == null} means the exact integer {@code longValue}; otherwise {@code text} is
   * the number's literal (fraction, exponent or out of {@code long} range) and {@code longValue} is 0.
   */
  record Num(long longValue, String text) implements Json {
    public static Num parse(String literal) {
      try {
        return new Num(Long.parseLong(literal), null);
      } catch (NumberFormatException notALong) {
        return new Num(0, literal);
      }
    }

    public boolean isIntegral() {
      return text == null;
    }

    /** {@return the integer value} @throws IllegalStateException when the number is not an exact long */
    public long asLong() {
      if (text != null) throw new IllegalStateException("not an integer: " + text);
      return longValue;
    }

    public String literal() {
      return text != null ? text : Long.toString(longValue);
    }
  }

  /** A JSON array. */
  record Arr(List<Json> items) implements Json {
    public Arr {
      items = List.copyOf(items);
    }

    public static Arr of(Json... items) {
      return new Arr(List.of(items));
    }
  }

  /** A JSON object; members keep their insertion order. */
  record Obj(Map<String, Json> members) implements Json {
    public static final Obj EMPTY = new Obj(Map.of());

    public Obj {
      members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
    }

    public static Builder builder() {
      return new Builder();
    }

    public Optional<Json> find(String name) {
      Json value = members.get(name);
      return value == null || value instanceof Null ? Optional.empty() : Optional.of(value);
    }

    public boolean has(String name) {
      return find(name).isPresent();
    }

    /** {@return the member} @throws JsonShapeException when it is missing or null */
    public Json get(String name) {
      return find(name).orElseThrow(() -> new JsonShapeException("missing field \"" + name + "\""));
    }

    public String string(String name) {
      if (get(name) instanceof Str s) return s.value();
      throw new JsonShapeException("field \"" + name + "\" must be a string");
    }

    public Optional<String> findString(String name) {
      return find(name).map(v -> {
        if (v instanceof Str s) return s.value();
        throw new JsonShapeException("field \"" + name + "\" must be a string");
      });
    }

    public long number(String name) {
      if (get(name) instanceof Num n && n.isIntegral()) return n.longValue();
      throw new JsonShapeException("field \"" + name + "\" must be an integer");
    }

    public Optional<Long> findNumber(String name) {
      return find(name).map(v -> {
        if (v instanceof Num n && n.isIntegral()) return n.longValue();
        throw new JsonShapeException("field \"" + name + "\" must be an integer");
      });
    }

    public boolean bool(String name) {
      if (get(name) instanceof Bool b) return b.value();
      throw new JsonShapeException("field \"" + name + "\" must be a boolean");
    }

    public Obj object(String name) {
      if (get(name) instanceof Obj o) return o;
      throw new JsonShapeException("field \"" + name + "\" must be an object");
    }

    public Optional<Obj> findObject(String name) {
      return find(name).map(v -> {
        if (v instanceof Obj o) return o;
        throw new JsonShapeException("field \"" + name + "\" must be an object");
      });
    }

    public List<Json> array(String name) {
      if (get(name) instanceof Arr a) return a.items();
      throw new JsonShapeException("field \"" + name + "\" must be an array");
    }

    /** Builds an object in insertion order; {@code null} values are skipped so absent stays absent. */
    public static final class Builder {
      private final LinkedHashMap<String, Json> members = new LinkedHashMap<>();

      public Builder put(String name, Json value) {
        if (value != null) members.put(name, value);
        return this;
      }

      public Builder put(String name, String value) {
        return value == null ? this : put(name, new Str(value));
      }

      public Builder put(String name, long value) {
        return put(name, Json.of(value));
      }

      public Builder put(String name, boolean value) {
        return put(name, Json.of(value));
      }

      public Builder putArray(String name, List<? extends Json> items) {
        return put(name, new Arr(new ArrayList<>(items)));
      }

      public Obj build() {
        return new Obj(members);
      }
    }
  }
}
