package dev.lightspeed.cli.chat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AnswerTextTest {
  @Test
  void aResponsesMessageGivesItsOutputText() {
    assertThat(AnswerText.of("{\"type\":\"message\",\"role\":\"assistant\",\"content\":[{\"type\":\"output_text\",\"text\":\"Hel\"},"
        + "{\"type\":\"output_text\",\"text\":\"lo\"}]}")).isEqualTo("Hello");
  }

  @Test
  void aChatCompletionsMessageAndAnthropicBlocksGiveTheirText() {
    assertThat(AnswerText.of("{\"role\":\"assistant\",\"content\":\"plain\"}")).isEqualTo("plain");
    assertThat(AnswerText.of("{\"type\":\"text\",\"text\":\"block\"}")).isEqualTo("block");
    assertThat(AnswerText.of("[{\"type\":\"text\",\"text\":\"a\"},{\"type\":\"text\",\"text\":\"b\"}]")).isEqualTo("ab");
  }

  @Test
  void anythingElseIsTheBlobAsItIs() {
    assertThat(AnswerText.of("done")).isEqualTo("done");
    assertThat(AnswerText.of("42")).isEqualTo("42");
    assertThat(AnswerText.of("{\"answer\":42}")).isEqualTo("{\"answer\":42}");
  }
}
