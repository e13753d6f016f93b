package dev.lightspeed.store.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SessionLifecycleTest {
  @Test
  void wireNamesAreLowercase() {
    assertThat(SessionLifecycle.NEW.wireName()).isEqualTo("new");
    assertThat(SessionLifecycle.OPEN.wireName()).isEqualTo("open");
    assertThat(SessionLifecycle.CLOSED.wireName()).isEqualTo("closed");
  }

  @Test
  void fromWireNameInvertsWireName() {
    for (SessionLifecycle lifecycle : SessionLifecycle.values()) {
      assertThat(SessionLifecycle.fromWireName(lifecycle.wireName())).isEqualTo(lifecycle);
    }
  }

  @Test
  void unknownWireNameIsRejectedQuotingIt() {
    assertThatThrownBy(() -> SessionLifecycle.fromWireName("OPEN"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown session lifecycle: \"OPEN\" (expected new, open or closed)");
  }

  @Test
  void lifecycleKindsAreTheEngineLifecycleFamily() {
    assertThat(SessionLifecycle.OPENED_KIND).isEqualTo("lightspeed.core.lifecycle.opened");
    assertThat(SessionLifecycle.CLOSED_KIND).isEqualTo("lightspeed.core.lifecycle.closed");
  }
}
