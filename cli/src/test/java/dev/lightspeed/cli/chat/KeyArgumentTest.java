package dev.lightspeed.cli.chat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeyArgumentTest {
  @Test
  void aPathOrCommandIsTheKeyArgument() {
    assertThat(KeyArgument.of("{\"limit\":5,\"path\":\"src/App.java\"}")).isEqualTo("src/App.java");
    assertThat(KeyArgument.of("{\"command\":[\"mvn\",\"-q\",\"test\"]}")).isEqualTo("mvn -q test");
    assertThat(KeyArgument.of("{\"pattern\":\"TODO\",\"path\":\"src\"}")).isEqualTo("src");
  }

  @Test
  void aPatchShowsTheFirstFileItTouches() {
    assertThat(KeyArgument.of("{\"input\":\"*** Begin Patch\\n*** Update File: docs/README.md\\n@@\\n-a\\n+b\\n*** End Patch\"}"))
        .isEqualTo("docs/README.md");
  }

  @Test
  void otherwiseTheFirstStringAndNothingForNoStrings() {
    assertThat(KeyArgument.of("{\"n\":1,\"topic\":\"cats\"}")).isEqualTo("cats");
    assertThat(KeyArgument.of("{\"n\":1}")).isEmpty();
    assertThat(KeyArgument.of("not json at all")).isEqualTo("not json at all");
  }

  @Test
  void longValuesAreCutToOneShortLine() {
    String shown = KeyArgument.of("{\"command\":\"" + "x".repeat(100) + "\\nsecond line\"}");
    assertThat(shown).hasSize(KeyArgument.MAX).endsWith("…").doesNotContain("\n");
  }
}
