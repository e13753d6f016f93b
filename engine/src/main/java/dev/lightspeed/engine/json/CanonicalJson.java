package dev.lightspeed.engine.json;

/**
 * The one JSON reader and writer of the engine. {@link #write} emits the canonical form: no insignificant
 * whitespace, object members sorted by key (UTF-16 code unit order), strings with the minimal escapes
 * ({@code \" \\ \b \f \n \r \t}, other control characters as lowercase {@code \}{@code u00xx}, everything
 * else literal), integers in plain decimal and other numbers as their original literal. Equal values
 * therefore always produce equal bytes, which is what fingerprints and idempotent appends rely on.
 *
 * <p>{@link #parse} is strict RFC 8259: one value, optional surrounding whitespace, no trailing commas,
 * no comments, no duplicate keys, no unpaired surrogates in escapes. Errors are {@link JsonSyntaxException}
 * with an offset.
 */
public final class CanonicalJson {
  private CanonicalJson() {}

  public static String write(Json value) {
    StringBuilder out = new StringBuilder(128);
    CanonicalJsonWriter.write(value, out);
    return out.toString();
  }

  public static byte[] writeUtf8(Json value) {
    return write(value).getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  public static Json parse(String text) {
    return new JsonParser(text).parseDocument();
  }

  public static Json parse(byte[] utf8) {
    return parse(new String(utf8, java.nio.charset.StandardCharsets.UTF_8));
  }

  /** Parses text that must hold a JSON object. */
  public static Json.Obj parseObject(String text) {
    if (parse(text) instanceof Json.Obj obj) return obj;
    throw new JsonShapeException("expected a JSON object");
  }
}
