package dev.lightspeed.llm.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class KeyRingTest {

  @Test
  void parseSplitsOnCommasAndIgnoresBlanks() {
    KeyRing ring = KeyRing.parse(" sk-a , sk-b,,sk-c ,");
    assertThat(ring.size()).isEqualTo(3);
    assertThat(ring.current()).contains("sk-a");
  }

  @Test
  void nothingToParseMeansKeyless() {
    for (String none : new String[] {null, "", "   ", " , ,"}) {
      KeyRing ring = KeyRing.parse(none);
      assertThat(ring.size()).as("parse(%s)", none).isZero();
      assertThat(ring.current()).as("parse(%s)", none).isEmpty();
    }
    assertThat(KeyRing.none().current()).isEmpty();
  }

  @Test
  void anEmptyKeyIsRejected() {
    assertThatThrownBy(() -> KeyRing.of(List.of("sk-a", " "))).isInstanceOf(IllegalArgumentException.class).hasMessage("an API key is empty");
  }

  @Test
  void rotatingFromTheCurrentKeyMovesToTheNextAndWrapsAround() {
    KeyRing ring = KeyRing.of(List.of("sk-a", "sk-b", "sk-c"));
    assertThat(ring.rotateFrom("sk-a")).isEqualTo(1);
    assertThat(ring.current()).contains("sk-b");
    ring.rotateFrom("sk-b");
    ring.rotateFrom("sk-c");
    assertThat(ring.current()).contains("sk-a");
    assertThat(ring.position()).isEqualTo(3);
  }

  @Test
  void rotatingFromAKeyThatIsNoLongerCurrentDoesNothing() {
    KeyRing ring = KeyRing.of(List.of("sk-a", "sk-b"));
    ring.rotateFrom("sk-a");
    assertThat(ring.rotateFrom("sk-a")).isEqualTo(1);
    assertThat(ring.current()).contains("sk-b");
    assertThat(ring.rotateFrom("sk-unknown")).isEqualTo(1);
    assertThat(ring.current()).contains("sk-b");
  }

  @Test
  void rotatingAKeylessRingDoesNothing() {
    KeyRing ring = KeyRing.none();
    assertThat(ring.rotateFrom("anything")).isZero();
    assertThat(ring.current()).isEmpty();
  }

  @Test
  void callersRotatingFromTheSameFailedKeyAtOnceMoveTheRingOnce() throws InterruptedException {
    KeyRing ring = KeyRing.of(List.of("sk-a", "sk-b", "sk-c"));
    CountDownLatch go = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      threads.add(Thread.ofPlatform().start(() -> {
        try {
          go.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        ring.rotateFrom("sk-a");
      }));
    }
    go.countDown();
    for (Thread t : threads) t.join();
    assertThat(ring.current()).contains("sk-b");
  }

  @Test
  void toStringCountsKeysAndNeverShowsThem() {
    assertThat(KeyRing.parse("sk-secret-1,sk-secret-2")).hasToString("KeyRing[2 keys]");
    assertThat(KeyRing.parse("sk-secret-1")).hasToString("KeyRing[1 key]");
    assertThat(KeyRing.none()).hasToString("KeyRing[0 keys]");
  }
}
