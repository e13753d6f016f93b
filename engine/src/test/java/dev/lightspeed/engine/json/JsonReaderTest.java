package dev.lightspeed.engine.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class JsonReaderTest {
  private static final JsonReader ROOT = JsonReader.of(CanonicalJson.parseObject(
      "{\"n\":1,\"gone\":null,\"s\":\"x\",\"a\":{\"b\":[{\"c\":true},{\"c\":\"no\"}]},\"e\":\"two\",\"l\":[1,2]}"));

  private enum Count { ONE, TWO }

  @Test
  void membersReadWithTheirTypesAndNullCountsAsAbsent() {
    assertThat(ROOT.number("n")).isEqualTo(1);
    assertThat(ROOT.findNumber("gone")).isEqualTo(OptionalLong.empty());
    assertThat(ROOT.findString("gone")).isEmpty();
    assertThat(ROOT.findReader("missing")).isEmpty();
    assertThat(ROOT.string("s")).isEqualTo("x");
    assertThat(ROOT.wire("e", Count.values(), c -> c.name().toLowerCase(Locale.ROOT))).isEqualTo(Count.TWO);
    assertThat(ROOT.longs("l")).containsExactly(1L, 2L);
    assertThat(ROOT.reader("a").readers("b").get(0).bool("c")).isTrue();
  }

  @Test
  void errorsNameThePathOfTheBadMember() {
    assertThatThrownBy(() -> ROOT.number("gone")).isInstanceOf(JsonShapeException.class).hasMessage("gone: missing");
    assertThatThrownBy(() -> ROOT.number("s")).hasMessage("s: must be an integer");
    assertThatThrownBy(() -> ROOT.reader("a").list("b", r -> r.bool("c"))).hasMessage("a.b[1].c: must be a boolean");
    assertThatThrownBy(() -> ROOT.wire("s", Count.values(), Count::name)).hasMessage("s: unknown value \"x\"");
    assertThatThrownBy(() -> ROOT.readers("l")).hasMessage("l[0]: must be an object");
    assertThatThrownBy(() -> ROOT.reader("a").decodeAll("b", o -> {
      throw new IllegalArgumentException("refused");
    })).hasMessage("a.b[0]: refused");
    assertThatThrownBy(() -> ROOT.build(() -> {
      throw new IllegalArgumentException("refused");
    })).hasMessage("(root): refused");
  }
}
