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
        if (field.equals(name)) return Optional.of(json.substring(start(p), end(p)));
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
        out.add(json.substring(start(p), end(p)));
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

  /** Consumes the current value and {@return the offset just after it} */
  private static int end(JsonParser p) throws IOException {
    if (p.currentToken() == JsonToken.START_OBJECT || p.currentToken() == JsonToken.START_ARRAY) {
      p.skipChildren();
    } else {
      p.finishToken();
    }
    return (int) p.currentLocation().getCharOffset();
  }
}
