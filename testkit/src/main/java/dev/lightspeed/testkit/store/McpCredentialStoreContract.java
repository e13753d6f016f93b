package dev.lightspeed.testkit.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.mcp.McpCredentialStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@link McpCredentialStore} contract, run against every backend by subclassing. A subclass supplies a
 * fresh, empty store per test.
 */
public abstract class McpCredentialStoreContract {
  protected static final UniverseId UNIVERSE = UniverseId.DEFAULT;
  protected static final UniverseId OTHER = UniverseId.of("other");
  /** What sealed values look like: version, key id, base64. */
  protected static final String SEALED = "v1.0a1b2c3d.q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQ+/=";

  protected McpCredentialStore store;

  /** {@return a new, empty store} Called once before each test. */
  protected abstract McpCredentialStore newStore();

  @BeforeEach
  void createStore() {
    store = newStore();
  }

  @Test
  public void aPutValueIsFoundAsGivenAndReplacedWhole() {
    assertThat(store.find(UNIVERSE, "a")).isEmpty();
    store.put(UNIVERSE, "a", SEALED);
    assertThat(store.find(UNIVERSE, "a")).contains(SEALED);
    store.put(UNIVERSE, "a", "v1.0a1b2c3d.AAAA");
    assertThat(store.find(UNIVERSE, "a")).contains("v1.0a1b2c3d.AAAA");
  }

  @Test
  public void universesAndServersAreApart() {
    store.put(UNIVERSE, "a", SEALED);
    assertThat(store.find(OTHER, "a")).isEmpty();
    assertThat(store.find(UNIVERSE, "b")).isEmpty();
    store.delete(OTHER, "a");
    assertThat(store.find(UNIVERSE, "a")).contains(SEALED);
  }

  @Test
  public void deleteRemovesAndIsQuietWhenNothingIsThere() {
    store.put(UNIVERSE, "a", SEALED);
    store.delete(UNIVERSE, "a");
    store.delete(UNIVERSE, "a");
    assertThat(store.find(UNIVERSE, "a")).isEmpty();
  }

  @Test
  public void aReaderSeesOneWholeValueWhileWritersRace() throws Exception {
    String x = "v1.0a1b2c3d." + "x".repeat(4096);
    String y = "v1.0a1b2c3d." + "y".repeat(4096);
    store.put(UNIVERSE, "a", x);
    try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
      List<Future<?>> writers = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        int n = i;
        writers.add(pool.submit(() -> {
          for (int j = 0; j < 50; j++) store.put(UNIVERSE, "a", (j + n) % 2 == 0 ? x : y);
        }));
      }
      for (int i = 0; i < 200; i++) assertThat(store.find(UNIVERSE, "a")).get().isIn(x, y);
      for (Future<?> w : writers) w.get();
    }
  }
}
