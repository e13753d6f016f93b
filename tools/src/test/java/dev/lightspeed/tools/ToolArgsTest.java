package dev.lightspeed.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ToolArgsTest {
  private static ToolArgs args(String json) {
    return ToolArgs.of("t", ToolArgs.parseObject(json), Set.of("s", "n", "b", "l"));
  }

  @Test
  void typedAccessWithNullAsAbsentAndStringlyNumbersAndBooleans() {
    ToolArgs a = args("{\"s\":\"x\",\"n\":\"12\",\"b\":\"true\",\"l\":[\"p\",\"q\"]}");

    assertThat(a.requiredString("s")).isEqualTo("x");
    assertThat(a.integer("n", 1)).contains(12);
    assertThat(a.bool("b")).contains(true);
    assertThat(a.strings("l")).contains(List.of("p", "q"));
    assertThat(args("{\"n\":null}").integer("n", 1)).isEmpty();
    assertThat(args("{\"n\":3.0}").integer("n", 1)).contains(3);
  }

  @Test
  void wrongTypesAndUnknownNamesAreNamed() {
    assertThatThrownBy(() -> args("{\"x\":1}")).isInstanceOf(ToolArgumentException.class).hasMessage("t has no argument \"x\"; it accepts b, l, n, s");
    assertThatThrownBy(() -> args("{\"s\":1}").string("s")).hasMessage("argument \"s\" of t must be a string");
    assertThatThrownBy(() -> args("{\"n\":1.5}").integer("n", 1)).hasMessage("argument \"n\" of t must be an integer");
    assertThatThrownBy(() -> args("{\"b\":\"yes\"}").bool("b")).hasMessage("argument \"b\" of t must be true or false");
    assertThatThrownBy(() -> args("{\"l\":[1]}").strings("l")).hasMessage("argument \"l\" of t must be an array of strings");
    assertThatThrownBy(() -> args("{}").requiredString("s")).hasMessage("t needs the argument \"s\"");
  }

  @Test
  void parseObjectAcceptsBlankTextAndRefusesNonObjects() {
    assertThat(ToolArgs.parseObject("  ").isEmpty()).isTrue();
    assertThatThrownBy(() -> ToolArgs.parseObject("\"x\"")).hasMessage("the arguments must be a JSON object");
  }
}
