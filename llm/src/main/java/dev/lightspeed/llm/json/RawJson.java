package dev.lightspeed.llm.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Cuts sub-documents out of provider JSON as the exact characters the provider sent, so native items can be
 * stored and replayed byte for byte. Uses Jackson's streaming parser only to find where a value starts
 * and ends; nothing is re-serialized.
 */
public final class RawJson {
  private static final JsonFactory FACTORY = new JsonFactory();

  private RawJson() {}

  /**
   * {@return the raw text of member {@code name} of the top-level object {@code json}, or empty when it is
   * absent}
   *
   * @throws IllegalArgumentException when {@code json} is not a JSON object
   */
  public static Optional<String> member(String json, String name) {
    try (JsonParser p = FACTORY.createParser(json)) {
      if (p.nextToken() != JsonToken.START_OBJECT) throw new IllegalArgumentException("not a JSON object");
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        if (field.equals(name)) {
          int start = start(p);
          return Optional.of(json.substring(start, end(p, json, start)));
        }
        p.skipChildren();
      }
      return Optional.empty();
    } catch (IOException e) {
      throw new IllegalArgumentException("malformed JSON: " + e.getMessage(), e);
    }
  }

  /**
   * {@return the raw text of each element of the array {@code json}}
   *
   * @throws IllegalArgumentException when {@code json} is not a JSON array
   */
  public static List<String> elements(String json) {
    try (JsonParser p = FACTORY.createParser(json)) {
      if (p.nextToken() != JsonToken.START_ARRAY) throw new IllegalArgumentException("not a JSON array");
      List<String> out = new ArrayList<>();
      while (p.nextToken() != JsonToken.END_ARRAY) {
        if (p.currentToken() == null) throw new IllegalArgumentException("unterminated JSON array");
        int start = start(p);
        out.add(json.substring(start, end(p, json, start)));
      }
      return out;
    } catch (IOException e) {
      throw new IllegalArgumentException("malformed JSON: " + e.getMessage(), e);
    }
  }

  /** {@return the raw elements of array member {@code name}, or an empty list when it is absent} */
  public static List<String> arrayMember(String json, String name) {
    return member(json, name).map(RawJson::elements).orElse(List.of());
  }

  private static int start(JsonParser p) {
    return (int) p.currentTokenLocation().getCharOffset();
  }

  /**
   * Consumes the current value (a string only as far as the parser's next step skips it) and {@return the
   * offset just after it}. Strings are measured here rather than decoded by the parser: an encrypted item
   * can be tens of megabytes, past Jackson's string length limit, and need not be copied to be cut out.
   */
  private static int end(JsonParser p, String json, int start) throws IOException {
    JsonToken token = p.currentToken();
    if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
      p.skipChildren();
    } else if (token == JsonToken.VALUE_STRING) {
      return stringEnd(json, start);
    } else {
      p.finishToken();
    }
    return (int) p.currentLocation().getCharOffset();
  }

  private static int stringEnd(String json, int quote) {
    for (int i = quote + 1; i < json.length(); i++) {
      char c = json.charAt(i);
      if (c == '\\') i++;
      else if (c == '"') return i + 1;
    }
    throw new IllegalArgumentException("malformed JSON: unterminated string at offset " + quote);
  }
}
