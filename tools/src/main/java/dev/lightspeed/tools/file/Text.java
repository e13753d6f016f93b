package dev.lightspeed.tools.file;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Telling text from binary and decoding it, the same way for every file tool. */
final class Text {
  /** How far into a file a NUL byte marks it as binary (as git and ripgrep look). */
  static final int SNIFF_BYTES = 8000;

  private Text() {}

  /** {@return true when a NUL byte appears in the first {@value #SNIFF_BYTES} bytes} */
  static boolean looksBinary(byte[] bytes) {
    int n = Math.min(bytes.length, SNIFF_BYTES);
    for (int i = 0; i < n; i++) if (bytes[i] == 0) return true;
    return false;
  }

  /** {@return the text of {@code bytes}, or empty when they are binary or not valid UTF-8} */
  static Optional<String> decodeStrict(byte[] bytes) {
    if (looksBinary(bytes)) return Optional.empty();
    try {
      return Optional.of(StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  /** {@return the text of {@code bytes}, invalid UTF-8 replaced by U+FFFD} */
  static String decodeLenient(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** {@return {@code s} cut to {@code max} characters, with a marker when cut} */
  static String clip(String s, int max) {
    if (s.length() <= max) return s;
    int end = max;
    if (Character.isHighSurrogate(s.charAt(end - 1))) end--;
    return s.substring(0, end) + " … [" + (s.length() - end) + " more characters]";
  }
}
