package dev.lightspeed.testkit.provider;

import dev.lightspeed.engine.json.Json;
import java.util.List;
import java.util.Map;

/**
 * Writes {@link Json} the way the providers do: compact, object members in insertion order (the scripts
 * build them in the order the real wire shows), non-ASCII characters literal. {@code CanonicalJson.write}
 * would sort the keys, which no provider does.
 */
final class WireJson {
  private WireJson() {}

  static String write(Json value) {
    StringBuilder out = new StringBuilder(256);
    write(value, out);
    return out.toString();
  }

  /** {@code Json.NULL} for a null string, so absent values still appear as JSON {@code null}. */
  static Json str(String value) {
    return value == null ? Json.NULL : Json.of(value);
  }

  /** A non-integral number kept as its literal, e.g. {@code 1.0} for {@code temperature}. */
  static Json decimal(String literal) {
    return new Json.Num(0, literal);
  }

  private static void write(Json value, StringBuilder out) {
    switch (value) {
      case Json.Null n -> out.append("null");
      case Json.Bool b -> out.append(b.value());
      case Json.Num n -> out.append(n.literal());
      case Json.Str s -> writeString(s.value(), out);
      case Json.Arr a -> writeArray(a.items(), out);
      case Json.Obj o -> writeObject(o.members(), out);
    }
  }

  private static void writeArray(List<Json> items, StringBuilder out) {
    out.append('[');
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) out.append(',');
      write(items.get(i), out);
    }
    out.append(']');
  }

  private static void writeObject(Map<String, Json> members, StringBuilder out) {
    out.append('{');
    boolean first = true;
    for (Map.Entry<String, Json> member : members.entrySet()) {
      if (!first) out.append(',');
      first = false;
      writeString(member.getKey(), out);
      out.append(':');
      write(member.getValue(), out);
    }
    out.append('}');
  }

  private static void writeString(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
          else out.append(c);
        }
      }
    }
    out.append('"');
  }
}
