package dev.lightspeed.cli.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.jline.keymap.KeyMap;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.Reference;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.ExternalTerminal;
import org.junit.jupiter.api.Test;

class InputKeysTest {
  @Test
  void ctrlCIsNoLongerAKeyBindingSoOnePressInterruptsOnce() throws IOException {
    try (Terminal terminal = terminal()) {
      LineReader reader = LineReaderBuilder.builder().terminal(terminal).build();
      assertThat(reader.getKeyMaps().get(LineReader.EMACS).getBound(KeyMap.ctrl('C'))).isEqualTo(new Reference(LineReader.INTERRUPT));

      InputKeys.install(reader);

      assertThat(reader.getKeyMaps().values()).allSatisfy(keys ->
          assertThat(keys.getBound(KeyMap.ctrl('C'))).isNotEqualTo(new Reference(LineReader.INTERRUPT)));
      assertThat(reader.getKeyMaps().get(LineReader.EMACS).getBound(KeyMap.ctrl('C'))).isEqualTo(new Reference(InputKeys.IGNORE));
    }
  }

  @Test
  void altEnterAndShiftEnterInsertANewline() throws IOException {
    try (Terminal terminal = terminal()) {
      LineReader reader = LineReaderBuilder.builder().terminal(terminal).build();
      InputKeys.install(reader);

      KeyMap<?> emacs = reader.getKeyMaps().get(LineReader.EMACS);
      assertThat(emacs.getBound(KeyMap.alt('\r'))).isEqualTo(new Reference(InputKeys.NEWLINE));
      assertThat(emacs.getBound("\u001b[13;2u")).isEqualTo(new Reference(InputKeys.NEWLINE));
    }
  }

  private static Terminal terminal() throws IOException {
    return new ExternalTerminal("test", "xterm-256color", new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream(),
        StandardCharsets.UTF_8);
  }
}
