package dev.lightspeed.cli.tui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LiveTextTest {
  @Test
  void deltasAreCutIntoWholeLinesAndTheRestWaits() {
    LiveText live = new LiveText();
    assertThat(live.append("Hel")).isEmpty();
    assertThat(live.append("lo\nwor")).containsExactly("Hello");
    assertThat(live.partial()).isEqualTo("wor");
    assertThat(live.append("ld\r\n\nnext")).containsExactly("world", "");
    assertThat(live.flush()).containsExactly("next");
    assertThat(live.flush()).isEmpty();
  }
}
