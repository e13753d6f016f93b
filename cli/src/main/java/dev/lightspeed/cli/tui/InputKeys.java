package dev.lightspeed.cli.tui;

import org.jline.keymap.KeyMap;
import org.jline.reader.Binding;
import org.jline.reader.LineReader;
import org.jline.reader.Reference;
import org.jline.reader.impl.DefaultParser;

/**
 * The chat's input editing: Enter sends; Alt+Enter, and Shift+Enter where the terminal tells it apart
 * (CSI-u and xterm's modifyOtherKeys), insert a newline. Quotes and brackets never hold a line back, since
 * chat text is prose, not shell syntax.
 */
final class InputKeys {
  static final String NEWLINE = "lightspeed-newline";

  private InputKeys() {}

  /** {@return the parser for chat input: every line is complete when Enter is pressed} */
  static DefaultParser parser() {
    DefaultParser parser = new DefaultParser();
    parser.setEofOnUnclosedQuote(false);
    parser.setEofOnEscapedNewLine(false);
    parser.setEofOnUnclosedBracket();
    return parser;
  }

  /** Binds the newline keys in {@code reader}'s editing key maps. */
  static void install(LineReader reader) {
    reader.getWidgets().put(NEWLINE, () -> {
      reader.getBuffer().write("\n");
      return true;
    });
    Reference newline = new Reference(NEWLINE);
    for (String name : new String[] {LineReader.EMACS, LineReader.VIINS}) {
      KeyMap<Binding> keys = reader.getKeyMaps().get(name);
      if (keys == null) continue;
      keys.bind(newline, KeyMap.alt('\r'));
      keys.bind(newline, KeyMap.alt('\n'));
      keys.bind(newline, "\u001b[13;2u");
      keys.bind(newline, "\u001b[27;2;13~");
    }
  }
}
