package dev.lightspeed.server.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeed.engine.json.CanonicalJson;
import dev.lightspeed.engine.json.Json;
import dev.lightspeed.store.UniverseId;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FsMcpServerStoreTest {
  private static final UniverseId U = UniverseId.DEFAULT;
  private static final Json.Obj DOC = CanonicalJson.parseObject("{\"serverId\":\"a\",\"serverUrl\":\"https://a.example/mcp\"}");

  @TempDir Path home;

  @Test
  void putsCreateThenReplaceKeepingTheCreationTime() {
    FsMcpServerStore store = new FsMcpServerStore(home);

    assertThat(store.put(U, "a", DOC, OptionalLong.of(9), 1_000)).isEqualTo(new StoredMcpServer("a", DOC, 1, 1_000, 1_000));
    assertThat(store.put(U, "a", Json.Obj.EMPTY, OptionalLong.of(1), 2_000)).isEqualTo(new StoredMcpServer("a", Json.Obj.EMPTY, 2, 1_000, 2_000));
    assertThat(new FsMcpServerStore(home).find(U, "a")).contains(new StoredMcpServer("a", Json.Obj.EMPTY, 2, 1_000, 2_000));
  }

  @Test
  void aStaleExpectedRevisionIsAConflictAndWritesNothing() {
    FsMcpServerStore store = new FsMcpServerStore(home);
    store.put(U, "a", DOC, OptionalLong.empty(), 1_000);
    store.put(U, "a", DOC, OptionalLong.empty(), 2_000);

    assertThatThrownBy(() -> store.put(U, "a", Json.Obj.EMPTY, OptionalLong.of(1), 3_000))
        .isInstanceOf(McpServerConflictException.class).hasMessage("MCP server \"a\" is at revision 2, not 1");
    assertThat(store.find(U, "a").orElseThrow().document()).isEqualTo(DOC);
  }

  @Test
  void listingIsSortedByIdAndScopedToTheUniverse() {
    FsMcpServerStore store = new FsMcpServerStore(home);
    store.put(U, "b", DOC, OptionalLong.empty(), 1);
    store.put(U, "a", DOC, OptionalLong.empty(), 1);
    store.put(UniverseId.of("other"), "c", DOC, OptionalLong.empty(), 1);

    assertThat(store.list(U)).extracting(StoredMcpServer::serverId).containsExactly("a", "b");
    assertThat(store.list(UniverseId.of("empty"))).isEmpty();
  }

  @Test
  void deleteReturnsWhatWasRemoved() {
    FsMcpServerStore store = new FsMcpServerStore(home);
    store.put(U, "a", DOC, OptionalLong.empty(), 5);

    assertThat(store.delete(U, "a")).contains(new StoredMcpServer("a", DOC, 1, 5, 5));
    assertThat(store.delete(U, "a")).isEmpty();
    assertThat(store.find(U, "a")).isEmpty();
  }
}
