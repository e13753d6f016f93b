package dev.lightspeed.llm.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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
   * {@return {@code json} with its top-level member {@code name} and one separating comma removed, every other
   * character kept; {@code json} itself when the member is absent}
   *
   * @throws IllegalArgumentException when {@code json} is not a JSON object
   */
  public static String withoutMember(String json, String name) {
    try (JsonParser p = FACTORY.createParser(json)) {
      if (p.nextToken() != JsonToken.START_OBJECT) throw new IllegalArgumentException("not a JSON object");
      int previousEnd = -1;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        int nameStart = start(p);
        String field = p.currentName();
        p.nextToken();
        int valueEnd = end(p, json, start(p));
        if (!field.equals(name)) {
          previousEnd = valueEnd;
          continue;
        }
        if (p.nextToken() == JsonToken.FIELD_NAME) return json.substring(0, nameStart) + json.substring(start(p));
        if (previousEnd >= 0) return json.substring(0, previousEnd) + json.substring(valueEnd);
        return json.substring(0, nameStart) + json.substring(valueEnd);
      }
      return json;
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

  /** A top-level object parsed into a tree, and the exact text of one of its members, from a single pass. */
  public record Cut(JsonNode tree, Optional<String> raw) {}

  /**
   * {@return the top-level object {@code json} parsed, with the raw text of its member {@code name} cut out in
   * the same pass} Members of {@code name} listed in {@code leftOut} are skipped in the tree (they are still in
   * the raw text): a stream fold that already has them from earlier events need not build them twice.
   *
   * @throws IllegalArgumentException when {@code json} is not a JSON object, or malformed
   */
  public static Cut parseCutting(ObjectMapper mapper, String json, String name, Set<String> leftOut) {
    try (JsonParser p = mapper.getFactory().createParser(json)) {
      if (p.nextToken() != JsonToken.START_OBJECT) throw new IllegalArgumentException("not a JSON object");
      ObjectNode root = mapper.createObjectNode();
      String raw = null;
      JsonToken token;
      while ((token = p.nextToken()) == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        if (!field.equals(name)) {
          root.set(field, mapper.readTree(p));
        } else if (value == JsonToken.START_OBJECT) {
          int start = start(p);
          ObjectNode member = mapper.createObjectNode();
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String inner = p.currentName();
            p.nextToken();
            if (leftOut.contains(inner)) p.skipChildren();
            else member.set(inner, mapper.readTree(p));
          }
          if (p.currentToken() != JsonToken.END_OBJECT) throw new IllegalArgumentException("malformed JSON: unterminated object " + name);
          raw = json.substring(start, (int) p.currentLocation().getCharOffset());
          root.set(field, member);
        } else {
          int start = start(p);
          raw = json.substring(start, end(p, json, start));
          root.set(field, parseValue(mapper, raw));
        }
      }
      if (token != JsonToken.END_OBJECT) throw new IllegalArgumentException("malformed JSON: unterminated object");
      return new Cut(root, Optional.ofNullable(raw));
    } catch (IOException e) {
      throw new IllegalArgumentException("malformed JSON: " + e.getMessage(), e);
    }
  }

  private static JsonNode parseValue(ObjectMapper mapper, String text) {
    try {
      return mapper.readTree(text);
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
