package dev.lightspeed.cli.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class UserInputTest {
  @Test
  void plainTextIsAMessage() {
    assertThat(UserInput.parse("  fix the build \n")).isEqualTo(new UserInput.Message("fix the build"));
    assertThat(UserInput.parse("line one\nline two")).isEqualTo(new UserInput.Message("line one\nline two"));
  }

  @Test
  void slashCommandsAreRecognisedWithTheirArguments() {
    assertThat(UserInput.parse("/steer use tabs, not spaces")).isEqualTo(new UserInput.Steer("use tabs, not spaces"));
    assertThat(UserInput.parse("/stop")).isEqualTo(new UserInput.Stop());
    assertThat(UserInput.parse("/approve")).isEqualTo(new UserInput.Approve(Optional.empty()));
    assertThat(UserInput.parse("/approve call_3_1")).isEqualTo(new UserInput.Approve(Optional.of("call_3_1")));
    assertThat(UserInput.parse("/deny")).isEqualTo(new UserInput.Deny(Optional.empty()));
    assertThat(UserInput.parse("/deny not on main")).isEqualTo(new UserInput.Deny(Optional.of("not on main")));
    assertThat(UserInput.parse("/session abc-123")).isEqualTo(new UserInput.SwitchSession("abc-123"));
    assertThat(UserInput.parse("/model")).isEqualTo(new UserInput.Model(Optional.empty()));
    assertThat(UserInput.parse("/model gpt-5")).isEqualTo(new UserInput.Model(Optional.of("gpt-5")));
    assertThat(UserInput.parse("/effort high")).isEqualTo(new UserInput.Effort(Optional.of("high")));
    assertThat(UserInput.parse("/exit")).isEqualTo(new UserInput.Quit());
    assertThat(UserInput.parse("   ")).isEqualTo(new UserInput.Blank());
  }

  @Test
  void aCommandMissingItsArgumentOrUnknownSaysWhat() {
    assertThat(UserInput.parse("/steer")).isEqualTo(new UserInput.Invalid("/steer needs the text to add, e.g. /steer use tabs"));
    assertThat(UserInput.parse("/sesion x")).isInstanceOf(UserInput.Invalid.class)
        .extracting(i -> ((UserInput.Invalid) i).problem()).asString().startsWith("unknown command /sesion;");
  }

  @Test
  void aDoubleSlashSendsTheRestAsAMessage() {
    assertThat(UserInput.parse("//etc/hosts is odd")).isEqualTo(new UserInput.Message("/etc/hosts is odd"));
  }
}
