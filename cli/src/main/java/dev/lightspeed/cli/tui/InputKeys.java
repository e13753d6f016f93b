package dev.lightspeed.cli.tui;

import java.util.List;
import org.jline.keymap.KeyMap;
import org.jline.reader.Binding;
import org.jline.reader.LineReader;
import org.jline.reader.Reference;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Attributes;

/**
 * The chat's input editing: Enter sends; Alt+Enter, and Shift+Enter where the terminal tells it apart
 * (CSI-u and xterm's modifyOtherKeys), insert a newline. Quotes and brackets never hold a line back, since
 * chat text is prose, not shell syntax.
 *
 * <p>Ctrl-C is bound to nothing. On a raw terminal JLine turns the key into an interrupt signal, which ends
 * {@code readLine} with a {@code UserInterruptException}, and also hands the key to the editor, whose default
 * binding throws a second one. Which of the two comes first depends on thread timing, and when the signal
 * wins the key is left over for the next {@code readLine}: one press would then count as two, and the second
 * one leaves the chat. The signal alone is the interrupt.
 */
final class InputKeys {
  static final String NEWLINE = "lightspeed-newline";
  static final String IGNORE = "lightspeed-ignore";

  private InputKeys() {}

  /** {@return the parser for chat input: every line is complete when Enter is pressed} */
  static DefaultParser parser() {
    DefaultParser parser = new DefaultParser();
    parser.setEofOnUnclosedQuote(false);
    parser.setEofOnEscapedNewLine(false);
    parser.setEofOnUnclosedBracket();
    return parser;
  }

  /** Binds the newline keys, and unbinds Ctrl-C, in {@code reader}'s editing key maps. */
  static void install(LineReader reader) {
    reader.getWidgets().put(NEWLINE, () -> {
      reader.getBuffer().write("\n");
      return true;
    });
    reader.getWidgets().put(IGNORE, () -> true);
    Reference newline = new Reference(NEWLINE);
    for (String name : new String[] {LineReader.EMACS, LineReader.VIINS}) {
      KeyMap<Binding> keys = reader.getKeyMaps().get(name);
      if (keys == null) continue;
      keys.bind(newline, KeyMap.alt('\r'));
      keys.bind(newline, KeyMap.alt('\n'));
      keys.bind(newline, "\u001b[13;2u");
      keys.bind(newline, "\u001b[27;2;13~");
    }
    Reference ignore = new Reference(IGNORE);
    int intr = reader.getTerminal().getAttributes().getControlChar(Attributes.ControlChar.VINTR);
    for (String key : intr > 0 ? List.of(KeyMap.ctrl('C'), Character.toString(intr)) : List.of(KeyMap.ctrl('C'))) {
      for (KeyMap<Binding> keys : reader.getKeyMaps().values()) {
        if (keys.getBound(key) instanceof Reference bound && bound.name().equals(LineReader.INTERRUPT)) keys.bind(ignore, key);
      }
    }
  }
}
