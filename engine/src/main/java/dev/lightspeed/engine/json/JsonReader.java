package dev.lightspeed.engine.json;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Reads a JSON object member by member while tracking its path, so a decoder of a deeply nested form can say
 * exactly which member was wrong ({@code runs.active.openTurn.batch.calls[2].outcome}) in the message of the
 * {@link JsonShapeException} it throws. As elsewhere in the engine, a JSON {@code null} member counts as absent.
 */
public final class JsonReader {
  private final Json.Obj obj;
  private final String path;

  private JsonReader(Json.Obj obj, String path) {
    this.obj = Objects.requireNonNull(obj, "obj");
    this.path = Objects.requireNonNull(path, "path");
  }

  /** {@return a reader of the document root; member paths are then plain member names} */
  public static JsonReader of(Json.Obj root) {
    return new JsonReader(root, "");
  }

  /** {@return the path of this object ("" for the root)} */
  public String path() {
    return path;
  }

  /** {@return the path of member {@code name} of this object} */
  public String pathOf(String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  /** {@return an error about member {@code name}, for checks the reader cannot make itself} */
  public JsonShapeException error(String name, String detail) {
    return new JsonShapeException(pathOf(name) + ": " + detail);
  }

  public Json get(String name) {
    return find(name).orElseThrow(() -> error(name, "missing"));
  }

  public long number(String name) {
    return integer(name, get(name));
  }

  /** {@return the member as an int} @throws JsonShapeException when it is not an integer in int range */
  public int intNumber(String name) {
    long value = number(name);
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) throw error(name, "out of int range: " + value);
    return (int) value;
  }

  public OptionalLong findNumber(String name) {
    Optional<Json> value = find(name);
    return value.isPresent() ? OptionalLong.of(integer(name, value.get())) : OptionalLong.empty();
  }

  public boolean bool(String name) {
    if (get(name) instanceof Json.Bool b) return b.value();
    throw error(name, "must be a boolean");
  }

  public Optional<Boolean> findBool(String name) {
    Optional<Json> value = find(name);
    if (value.isEmpty()) return Optional.empty();
    if (value.get() instanceof Json.Bool b) return Optional.of(b.value());
    throw error(name, "must be a boolean");
  }

  public String string(String name) {
    return string(name, get(name));
  }

  public Optional<String> findString(String name) {
    return find(name).map(v -> string(name, v));
  }

  /** {@return the string member parsed by {@code parse}} An {@link IllegalArgumentException} from it names the member. */
  public <T> T string(String name, Function<String, T> parse) {
    return parsed(name, string(name), parse);
  }

  public <T> Optional<T> findString(String name, Function<String, T> parse) {
    return findString(name).map(text -> parsed(name, text, parse));
  }

  /** {@return the constant of {@code values} whose wire name is the string member} */
  public <E extends Enum<E>> E wire(String name, E[] values, Function<E, String> wireName) {
    return string(name, text -> fromWire(text, values, wireName));
  }

  public <E extends Enum<E>> Optional<E> findWire(String name, E[] values, Function<E, String> wireName) {
    return findString(name, text -> fromWire(text, values, wireName));
  }

  /** {@return the member as a raw object, e.g. a document that passes through unchanged} */
  public Json.Obj object(String name) {
    if (get(name) instanceof Json.Obj o) return o;
    throw error(name, "must be an object");
  }

  public JsonReader reader(String name) {
    return new JsonReader(object(name), pathOf(name));
  }

  public Optional<JsonReader> findReader(String name) {
    return find(name).map(v -> {
      if (v instanceof Json.Obj o) return new JsonReader(o, pathOf(name));
      throw error(name, "must be an object");
    });
  }

  /** {@return a reader for each element of the array member, each of which must be an object} */
  public List<JsonReader> readers(String name) {
    List<Json> items = array(name);
    List<JsonReader> out = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      String at = pathOf(name) + "[" + i + "]";
      if (!(items.get(i) instanceof Json.Obj o)) throw new JsonShapeException(at + ": must be an object");
      out.add(new JsonReader(o, at));
    }
    return out;
  }

  /** {@return each element of the array member read by {@code read}} */
  public <T> List<T> list(String name, Function<JsonReader, T> read) {
    List<JsonReader> items = readers(name);
    List<T> out = new ArrayList<>(items.size());
    for (JsonReader item : items) out.add(read.apply(item));
    return out;
  }

  /**
   * {@return the object member decoded by another codec's reader} Its {@link JsonShapeException}s and
   * {@link IllegalArgumentException}s are rethrown prefixed with the member's path.
   */
  public <T> T decode(String name, Function<Json.Obj, T> decoder) {
    return reader(name).decodeSelf(decoder);
  }

  /** {@return each element of the array member decoded by another codec's reader, errors prefixed with its path} */
  public <T> List<T> decodeAll(String name, Function<Json.Obj, T> decoder) {
    return list(name, item -> item.decodeSelf(decoder));
  }

  public List<String> strings(String name) {
    List<Json> items = array(name);
    List<String> out = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      if (!(items.get(i) instanceof Json.Str s)) throw new JsonShapeException(pathOf(name) + "[" + i + "]: must be a string");
      out.add(s.value());
    }
    return out;
  }

  public List<Long> longs(String name) {
    List<Json> items = array(name);
    List<Long> out = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      if (!(items.get(i) instanceof Json.Num n && n.isIntegral())) throw new JsonShapeException(pathOf(name) + "[" + i + "]: must be an integer");
      out.add(n.longValue());
    }
    return out;
  }

  /**
   * {@return what {@code construct} builds from members already read} An {@link IllegalArgumentException}
   * (a record refusing a value) is rethrown naming this object's path.
   */
  public <T> T build(Supplier<T> construct) {
    try {
      return construct.get();
    } catch (IllegalArgumentException e) {
      throw wrap(path.isEmpty() ? "(root)" : path, e);
    }
  }

  // ---- internals ---------------------------------------------------------------------------------------

  private Optional<Json> find(String name) {
    return obj.find(name);
  }

  private List<Json> array(String name) {
    if (get(name) instanceof Json.Arr a) return a.items();
    throw error(name, "must be an array");
  }

  private long integer(String name, Json value) {
    if (value instanceof Json.Num n && n.isIntegral()) return n.longValue();
    throw error(name, "must be an integer");
  }

  private String string(String name, Json value) {
    if (value instanceof Json.Str s) return s.value();
    throw error(name, "must be a string");
  }

  private <T> T parsed(String name, String text, Function<String, T> parse) {
    try {
      return parse.apply(text);
    } catch (IllegalArgumentException e) {
      throw wrap(pathOf(name), e);
    }
  }

  private <T> T decodeSelf(Function<Json.Obj, T> decoder) {
    try {
      return decoder.apply(obj);
    } catch (JsonShapeException | IllegalArgumentException e) {
      throw wrap(path, e);
    }
  }

  private static <E extends Enum<E>> E fromWire(String text, E[] values, Function<E, String> wireName) {
    for (E value : values) if (wireName.apply(value).equals(text)) return value;
    throw new IllegalArgumentException("unknown value \"" + text + "\"");
  }

  private static JsonShapeException wrap(String at, RuntimeException cause) {
    JsonShapeException e = new JsonShapeException(at + ": " + cause.getMessage());
    e.initCause(cause);
    return e;
  }
}
