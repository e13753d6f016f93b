package dev.lightspeed.engine.json;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes the canonical form described on {@link CanonicalJson}. Hot path: every event payload goes through
 * here on append, so strings are copied in runs, numbers are appended without intermediate strings and
 * object keys are sorted only when they are not already in order.
 */
final class CanonicalJsonWriter {
  private CanonicalJsonWriter() {}

  /** Escape sequence for each character below {@code '\\' + 1} that needs one; null means literal. */
  private static final String[] ESCAPES = new String['\\' + 1];

  static {
    char[] hex = "0123456789abcdef".toCharArray();
    for (int c = 0; c < 0x20; c++) {
      ESCAPES[c] = "\\u00" + hex[c >> 4] + hex[c & 0xF];
    }
    ESCAPES['\b'] = "\\b";
    ESCAPES['\f'] = "\\f";
    ESCAPES['\n'] = "\\n";
    ESCAPES['\r'] = "\\r";
    ESCAPES['\t'] = "\\t";
    ESCAPES['"'] = "\\\"";
    ESCAPES['\\'] = "\\\\";
  }

  static void write(Json value, StringBuilder out) {
    switch (value) {
      case Json.Null n -> out.append("null");
      case Json.Bool b -> out.append(b.value() ? "true" : "false");
      case Json.Num n -> {
        if (n.text() == null) out.append(n.longValue());
        else out.append(n.text());
      }
      case Json.Str s -> writeString(s.value(), out);
      case Json.Arr a -> writeArray(a.items(), out);
      case Json.Obj o -> writeObject(o.members(), out);
    }
  }

  private static void writeArray(List<Json> items, StringBuilder out) {
    out.append('[');
    int size = items.size();
    for (int i = 0; i < size; i++) {
      if (i > 0) out.append(',');
      write(items.get(i), out);
    }
    out.append(']');
  }

  private static void writeObject(Map<String, Json> members, StringBuilder out) {
    int size = members.size();
    if (size == 0) {
      out.append("{}");
      return;
    }
    out.append('{');
    if (size == 1 || isSorted(members)) {
      boolean first = true;
      for (Map.Entry<String, Json> member : members.entrySet()) {
        if (!first) out.append(',');
        first = false;
        writeMember(member.getKey(), member.getValue(), out);
      }
    } else {
      @SuppressWarnings({"unchecked", "rawtypes"})
      Map.Entry<String, Json>[] sorted = members.entrySet().toArray(new Map.Entry[size]);
      Arrays.sort(sorted, Map.Entry.comparingByKey());
      for (int i = 0; i < sorted.length; i++) {
        if (i > 0) out.append(',');
        writeMember(sorted[i].getKey(), sorted[i].getValue(), out);
      }
    }
    out.append('}');
  }

  private static boolean isSorted(Map<String, Json> members) {
    Iterator<String> keys = members.keySet().iterator();
    String previous = keys.next();
    while (keys.hasNext()) {
      String key = keys.next();
      if (previous.compareTo(key) > 0) return false;
      previous = key;
    }
    return true;
  }

  private static void writeMember(String key, Json value, StringBuilder out) {
    writeString(key, out);
    out.append(':');
    write(value, out);
  }

  /** Appends {@code s} quoted, copying unescaped runs in one call each. */
  static void writeString(String s, StringBuilder out) {
    out.append('"');
    int runStart = 0;
    int length = s.length();
    for (int i = 0; i < length; i++) {
      char c = s.charAt(i);
      if (c <= '\\') {
        String escape = ESCAPES[c];
        if (escape != null) {
          if (i > runStart) out.append(s, runStart, i);
          out.append(escape);
          runStart = i + 1;
        }
      }
    }
    if (runStart == 0) out.append(s);
    else if (runStart < length) out.append(s, runStart, length);
    out.append('"');
  }
}
