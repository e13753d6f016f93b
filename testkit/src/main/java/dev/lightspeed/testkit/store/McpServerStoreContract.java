package dev.lightspeed.testkit.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeed.engine.json.CanonicalJson;
import dev.lightspeed.engine.json.Json;
import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.mcp.McpServerConflictException;
import dev.lightspeed.store.mcp.McpServerStore;
import dev.lightspeed.store.mcp.StoredMcpServer;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@link McpServerStore} contract, run against every backend by subclassing. A subclass supplies a fresh,
 * empty store per test.
 */
public abstract class McpServerStoreContract {
  protected static final UniverseId UNIVERSE = UniverseId.DEFAULT;
  protected static final UniverseId OTHER = UniverseId.of("other");

  protected static final Json.Obj DOC = CanonicalJson.parseObject("{\"serverId\":\"a\",\"serverUrl\":\"https://a.example/mcp\"}");
  /** A record with everything a document may hold: nesting, arrays, a secret header, non-ASCII text, NUL, null, odd numbers. */
  protected static final Json.Obj RICH = CanonicalJson.parseObject("{\"serverId\":\"a\",\"serverUrl\":\"https://a.example/mcp\","
      + "\"headers\":{\"Authorization\":\"Bearer s3cr\\u00e9t\"},\"allowedTools\":[\"search\",\"fetch\"],"
      + "\"deferLoadingDefault\":false,\"description\":null,\"displayName\":\"\u00c5 \u2603 \\\"quoted\\\" nul:\\u0000\","
      + "\"n\":12345678901234,\"small\":1e-7,\"huge\":123456789012345678901234567890}");

  protected McpServerStore store;

  /** {@return a new, empty store} Called once before each test. */
  protected abstract McpServerStore newStore();

  @BeforeEach
  void createStore() {
    store = newStore();
  }

  @Test
  public void putsCreateThenReplaceKeepingTheCreationTime() {
    assertThat(store.put(UNIVERSE, "a", DOC, OptionalLong.of(9), 1_000)).isEqualTo(new StoredMcpServer("a", DOC, 1, 1_000, 1_000));
    assertThat(store.put(UNIVERSE, "a", Json.Obj.EMPTY, OptionalLong.of(1), 2_000))
        .isEqualTo(new StoredMcpServer("a", Json.Obj.EMPTY, 2, 1_000, 2_000));
    assertThat(store.find(UNIVERSE, "a")).contains(new StoredMcpServer("a", Json.Obj.EMPTY, 2, 1_000, 2_000));
  }

  @Test
  public void aDocumentComesBackExactlyAsItWasPut() {
    store.put(UNIVERSE, "a", RICH, OptionalLong.empty(), 7);

    StoredMcpServer read = store.find(UNIVERSE, "a").orElseThrow();
    assertThat(read.document()).isEqualTo(RICH);
    assertThat(CanonicalJson.writeUtf8(read.document())).isEqualTo(CanonicalJson.writeUtf8(RICH));
    assertThat(store.list(UNIVERSE)).containsExactly(read);
  }

  @Test
  public void aStaleExpectedRevisionIsAConflictAndWritesNothing() {
    store.put(UNIVERSE, "a", DOC, OptionalLong.empty(), 1_000);
    store.put(UNIVERSE, "a", DOC, OptionalLong.empty(), 2_000);

    assertThatThrownBy(() -> store.put(UNIVERSE, "a", Json.Obj.EMPTY, OptionalLong.of(1), 3_000))
        .isInstanceOfSatisfying(McpServerConflictException.class, e -> {
          assertThat(e.expected()).isEqualTo(1);
          assertThat(e.actual()).isEqualTo(2);
        })
        .hasMessage("MCP server \"a\" is at revision 2, not 1");
    assertThat(store.find(UNIVERSE, "a")).contains(new StoredMcpServer("a", DOC, 2, 1_000, 2_000));
  }

  @Test
  public void aPutWithoutExpectedRevisionReplacesUnconditionally() {
    store.put(UNIVERSE, "a", DOC, OptionalLong.empty(), 1);
    store.put(UNIVERSE, "a", RICH, OptionalLong.empty(), 2);

    assertThat(store.put(UNIVERSE, "a", DOC, OptionalLong.empty(), 3)).isEqualTo(new StoredMcpServer("a", DOC, 3, 1, 3));
  }

  @Test
  public void listingIsSortedByIdAndScopedToTheUniverse() {
    store.put(UNIVERSE, "b", DOC, OptionalLong.empty(), 1);
    store.put(UNIVERSE, "a", DOC, OptionalLong.empty(), 1);
    store.put(UNIVERSE, "Z-9", DOC, OptionalLong.empty(), 1);
    store.put(UNIVERSE, "a_b", DOC, OptionalLong.empty(), 1);
    store.put(OTHER, "c", DOC, OptionalLong.empty(), 1);

    assertThat(store.list(UNIVERSE)).extracting(StoredMcpServer::serverId).containsExactly("Z-9", "a", "a_b", "b");
    assertThat(store.list(OTHER)).extracting(StoredMcpServer::serverId).containsExactly("c");
    assertThat(store.list(UniverseId.of("empty"))).isEmpty();
  }

  @Test
  public void universesDoNotSeeOrChangeEachOthersServers() {
    store.put(UNIVERSE, "a", DOC, OptionalLong.empty(), 1);
    store.put(UNIVERSE, "a", DOC, OptionalLong.empty(), 2);

    assertThat(store.find(OTHER, "a")).isEmpty();
    assertThat(store.delete(OTHER, "a")).isEmpty();
    assertThat(store.put(OTHER, "a", RICH, OptionalLong.of(2), 5)).isEqualTo(new StoredMcpServer("a", RICH, 1, 5, 5));
    assertThat(store.find(UNIVERSE, "a")).contains(new StoredMcpServer("a", DOC, 2, 1, 2));
  }

  @Test
  public void deleteReturnsWhatWasRemovedAndFreesTheId() {
    store.put(UNIVERSE, "a", DOC, OptionalLong.empty(), 5);

    assertThat(store.delete(UNIVERSE, "a")).contains(new StoredMcpServer("a", DOC, 1, 5, 5));
    assertThat(store.delete(UNIVERSE, "a")).isEmpty();
    assertThat(store.find(UNIVERSE, "a")).isEmpty();
    assertThat(store.list(UNIVERSE)).isEmpty();
    assertThat(store.put(UNIVERSE, "a", RICH, OptionalLong.of(1), 9)).isEqualTo(new StoredMcpServer("a", RICH, 1, 9, 9));
  }

  @Test
  public void missingServersAreAbsent() {
    assertThat(store.find(UNIVERSE, "a")).isEmpty();
    assertThat(store.delete(UNIVERSE, "a")).isEmpty();
    assertThat(store.list(UNIVERSE)).isEmpty();
  }

  @Test
  public void ofRacingPutsAtOneRevisionExactlyOneApplies() throws Exception {
    store.put(UNIVERSE, "a", DOC, OptionalLong.empty(), 1);
    int writers = 8;
    List<Future<Boolean>> results = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(writers)) {
      for (int i = 0; i < writers; i++) {
        Json.Obj document = Json.Obj.builder().put("description", "writer " + i).build();
        results.add(pool.submit(() -> {
          try {
            store.put(UNIVERSE, "a", document, OptionalLong.of(1), 2);
            return true;
          } catch (McpServerConflictException e) {
            return false;
          }
        }));
      }
      int applied = 0;
      for (Future<Boolean> result : results) if (result.get()) applied++;
      assertThat(applied).isEqualTo(1);
    }
    assertThat(store.find(UNIVERSE, "a").orElseThrow().revision()).isEqualTo(2);
  }

  @Test
  public void racingPutsOfANewServerApplyOneAfterAnother() throws Exception {
    int writers = 8;
    List<Future<StoredMcpServer>> results = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(writers)) {
      for (int i = 0; i < writers; i++) {
        Json.Obj document = Json.Obj.builder().put("description", "writer " + i).build();
        results.add(pool.submit(() -> store.put(UNIVERSE, "new", document, OptionalLong.empty(), 5)));
      }
      List<Long> revisions = new ArrayList<>();
      for (Future<StoredMcpServer> result : results) revisions.add(result.get().revision());
      assertThat(revisions).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
    }
    assertThat(store.find(UNIVERSE, "new").orElseThrow().revision()).isEqualTo(writers);
  }
}
