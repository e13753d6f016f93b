package dev.lightspeed.llm.openai.completions;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Writes a JSON document to UTF-8 bytes with Jackson's streaming generator. */
final class ChatJson {
  private static final JsonFactory FACTORY = new JsonFactory();

  private ChatJson() {}

  /** What goes into the document; may fail with {@code E} besides I/O errors. */
  @FunctionalInterface
  interface Body<E extends Exception> {
    void write(JsonGenerator g) throws IOException, E;
  }

  /** {@return the document {@code body} writes} @throws E when {@code body} does */
  static <E extends Exception> byte[] write(Body<E> body) throws E {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
      body.write(g);
    } catch (IOException e) {
      throw new UncheckedIOException("writing JSON to memory failed", e);
    }
    return out.toByteArray();
  }
}
