package dev.lightspeed.engine.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Objects;

/**
 * A strict RFC 8259 parser over a {@code String}: exactly one value with optional surrounding whitespace, no
 * trailing commas, comments, {@code NaN}/{@code Infinity}, leading zeros or {@code +} signs, no duplicate
 * object keys, no raw control characters in strings, no unpaired surrogate escapes, and nesting at most
 * {@value #MAX_DEPTH} deep. Scanning is index-based; a {@link StringBuilder} is used only for strings that
 * contain escapes. One instance parses one document and is not thread-safe.
 */
final class JsonParser {
  /** Deepest nesting of arrays and objects accepted; deeper input is a syntax error, not a stack overflow. */
  static final int MAX_DEPTH = 512;

  /** Integers with at most this many digits always fit in a long, so they are accumulated directly. */
  private static final int SAFE_LONG_DIGITS = 18;

  private final String text;
  private final int length;
  private int pos;

  JsonParser(String text) {
    this.text = Objects.requireNonNull(text, "text");
    this.length = text.length();
  }

  Json parseDocument() {
    pos = 0;
    skipWhitespace();
    Json value = parseValue(0);
    skipWhitespace();
    if (pos < length) throw error("trailing characters after JSON value", pos);
    return value;
  }

  /** Parses the value at {@link #pos}; {@code depth} is the number of enclosing arrays and objects. */
  private Json parseValue(int depth) {
    if (pos >= length) throw error("unexpected end of input, expected a JSON value", pos);
    char c = text.charAt(pos);
    switch (c) {
      case '{':
        return parseObject(depth + 1);
      case '[':
        return parseArray(depth + 1);
      case '"':
        return new Json.Str(parseString());
      case 't':
        expectLiteral("true");
        return Json.TRUE;
      case 'f':
        expectLiteral("false");
        return Json.FALSE;
      case 'n':
        expectLiteral("null");
        return Json.NULL;
      default:
        if (c == '-' || (c >= '0' && c <= '9')) return parseNumber();
        throw error("unexpected character " + describe(c) + ", expected a JSON value", pos);
    }
  }

  private Json.Obj parseObject(int depth) {
    int open = pos;
    if (depth > MAX_DEPTH) throw error("nesting deeper than " + MAX_DEPTH + " levels", open);
    pos++; // '{'
    skipWhitespace();
    if (pos < length && text.charAt(pos) == '}') {
      pos++;
      return Json.Obj.EMPTY;
    }
    LinkedHashMap<String, Json> members = new LinkedHashMap<>();
    while (true) {
      if (pos >= length) throw error("unterminated object", open);
      if (text.charAt(pos) != '"') throw error("expected '\"' to start an object key", pos);
      int keyStart = pos;
      String key = parseString();
      skipWhitespace();
      if (pos >= length || text.charAt(pos) != ':') throw error("expected ':' after object key", pos);
      pos++;
      skipWhitespace();
      Json value = parseValue(depth);
      if (members.putIfAbsent(key, value) != null) throw error("duplicate key \"" + key + "\"", keyStart);
      skipWhitespace();
      if (pos >= length) throw error("unterminated object", open);
      char c = text.charAt(pos);
      if (c == '}') {
        pos++;
        return new Json.Obj(members);
      }
      if (c != ',') throw error("expected ',' or '}' after object member", pos);
      int comma = pos;
      pos++;
      skipWhitespace();
      if (pos < length && text.charAt(pos) == '}') throw error("trailing comma in object", comma);
    }
  }

  private Json.Arr parseArray(int depth) {
    int open = pos;
    if (depth > MAX_DEPTH) throw error("nesting deeper than " + MAX_DEPTH + " levels", open);
    pos++; // '['
    skipWhitespace();
    ArrayList<Json> items = new ArrayList<>();
    if (pos < length && text.charAt(pos) == ']') {
      pos++;
      return new Json.Arr(items);
    }
    while (true) {
      if (pos >= length) throw error("unterminated array", open);
      items.add(parseValue(depth));
      skipWhitespace();
      if (pos >= length) throw error("unterminated array", open);
      char c = text.charAt(pos);
      if (c == ']') {
        pos++;
        return new Json.Arr(items);
      }
      if (c != ',') throw error("expected ',' or ']' after array element", pos);
      int comma = pos;
      pos++;
      skipWhitespace();
      if (pos < length && text.charAt(pos) == ']') throw error("trailing comma in array", comma);
    }
  }

  /** Parses the string starting at the opening quote at {@link #pos} and leaves {@link #pos} after the close. */
  private String parseString() {
    int open = pos;
    int start = open + 1;
    for (int i = start; i < length; i++) {
      char c = text.charAt(i);
      if (c == '"') {
        pos = i + 1;
        return text.substring(start, i);
      }
      if (c == '\\') return parseEscapedString(open, i);
      if (c < 0x20) throw controlCharacter(c, i);
    }
    throw error("unterminated string", open);
  }

  /** Slow path: the string opened at {@code open} has its first escape at {@code firstEscape}. */
  private String parseEscapedString(int open, int firstEscape) {
    StringBuilder sb = new StringBuilder(firstEscape - open + 16);
    sb.append(text, open + 1, firstEscape);
    int i = firstEscape;
    while (i < length) {
      char c = text.charAt(i);
      if (c == '"') {
        pos = i + 1;
        return sb.toString();
      }
      if (c < 0x20) throw controlCharacter(c, i);
      if (c != '\\') {
        sb.append(c);
        i++;
        continue;
      }
      if (i + 1 >= length) break;
      char e = text.charAt(i + 1);
      switch (e) {
        case '"' -> sb.append('"');
        case '\\' -> sb.append('\\');
        case '/' -> sb.append('/');
        case 'b' -> sb.append('\b');
        case 'f' -> sb.append('\f');
        case 'n' -> sb.append('\n');
        case 'r' -> sb.append('\r');
        case 't' -> sb.append('\t');
        case 'u' -> {
          char unit = readHex4(i);
          if (Character.isHighSurrogate(unit)) {
            int low = i + 6;
            if (low + 1 < length && text.charAt(low) == '\\' && text.charAt(low + 1) == 'u') {
              char next = readHex4(low);
              if (Character.isLowSurrogate(next)) {
                sb.append(unit).append(next);
                i = low + 6;
                continue;
              }
            }
            throw error("unpaired surrogate escape " + text.substring(i, i + 6), i);
          }
          if (Character.isLowSurrogate(unit)) {
            throw error("unpaired surrogate escape " + text.substring(i, i + 6), i);
          }
          sb.append(unit);
          i += 6;
          continue;
        }
        default -> throw error("invalid escape " + describeEscape(e), i);
      }
      i += 2;
    }
    throw error("unterminated string", open);
  }

  /** Reads the four hex digits of the {@code \}{@code u} escape whose backslash is at {@code escape}. */
  private char readHex4(int escape) {
    int first = escape + 2;
    if (first + 4 > length) {
      throw error("invalid \\u escape, expected 4 hex digits", escape);
    }
    int value = 0;
    for (int k = first; k < first + 4; k++) {
      int digit = hexValue(text.charAt(k));
      if (digit < 0) throw error("invalid \\u escape, expected 4 hex digits", escape);
      value = (value << 4) | digit;
    }
    return (char) value;
  }

  private Json.Num parseNumber() {
    int start = pos;
    boolean negative = false;
    if (text.charAt(pos) == '-') {
      negative = true;
      pos++;
      if (pos >= length || !isDigit(text.charAt(pos))) throw error("expected digit after '-'", pos);
    }
    int digitsStart = pos;
    if (text.charAt(pos) == '0') {
      pos++;
      if (pos < length && isDigit(text.charAt(pos))) {
        throw error("leading zeros are not allowed in numbers", digitsStart);
      }
    } else {
      do {
        pos++;
      } while (pos < length && isDigit(text.charAt(pos)));
    }
    int digitsEnd = pos;
    boolean integral = true;
    if (pos < length && text.charAt(pos) == '.') {
      integral = false;
      pos++;
      if (pos >= length || !isDigit(text.charAt(pos))) throw error("expected digit after decimal point", pos);
      do {
        pos++;
      } while (pos < length && isDigit(text.charAt(pos)));
    }
    if (pos < length && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
      integral = false;
      pos++;
      if (pos < length && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) pos++;
      if (pos >= length || !isDigit(text.charAt(pos))) throw error("expected digit in exponent", pos);
      do {
        pos++;
      } while (pos < length && isDigit(text.charAt(pos)));
    }
    int digits = digitsEnd - digitsStart;
    if (integral && digits <= SAFE_LONG_DIGITS) {
      long value = 0;
      for (int i = digitsStart; i < digitsEnd; i++) value = value * 10 + (text.charAt(i) - '0');
      return new Json.Num(negative ? -value : value, null);
    }
    String literal = text.substring(start, pos);
    // Only a 19-digit integer may or may not fit in a long; anything else is kept as its literal.
    if (integral && digits == SAFE_LONG_DIGITS + 1) return Json.Num.parse(literal);
    return new Json.Num(0, literal);
  }

  private void expectLiteral(String literal) {
    if (!text.startsWith(literal, pos)) throw error("invalid literal, expected '" + literal + "'", pos);
    pos += literal.length();
  }

  private void skipWhitespace() {
    while (pos < length) {
      char c = text.charAt(pos);
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') return;
      pos++;
    }
  }

  private static int hexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private JsonSyntaxException controlCharacter(char c, int at) {
    return error("control character " + unicodeName(c) + " in string must be escaped", at);
  }

  private static String describe(char c) {
    return c < 0x20 || c > 0x7e ? unicodeName(c) : "'" + c + "'";
  }

  private static String describeEscape(char c) {
    return c < 0x20 || c > 0x7e ? "\\" + unicodeName(c) : "'\\" + c + "'";
  }

  private static String unicodeName(char c) {
    return String.format("U+%04X", (int) c);
  }

  private static JsonSyntaxException error(String message, int offset) {
    return new JsonSyntaxException(message, offset);
  }
}
