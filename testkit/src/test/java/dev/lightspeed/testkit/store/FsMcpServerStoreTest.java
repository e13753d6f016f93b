package dev.lightspeed.testkit.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeed.store.mcp.McpServerStore;
import dev.lightspeed.store.mcp.StoredMcpServer;
import dev.lightspeed.store.mcp.fs.FsMcpServerStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FsMcpServerStoreTest extends McpServerStoreContract {
  @TempDir Path home;

  @Override
  protected McpServerStore newStore() {
    return new FsMcpServerStore(home);
  }

  @Test
  void aServerIsOneCanonicalJsonFileUnderItsUniverse() throws IOException {
    store.put(UNIVERSE, "a", DOC, OptionalLong.empty(), 1_000);

    assertThat(Files.readString(home.resolve("gateway/mcp-servers/default/a.json"), StandardCharsets.UTF_8))
        .isEqualTo("{\"createdAtMs\":1000,\"document\":{\"serverId\":\"a\",\"serverUrl\":\"https://a.example/mcp\"},"
            + "\"revision\":1,\"updatedAtMs\":1000}");
  }

  @Test
  void anotherStoreOnTheSameHomeSeesTheServers() {
    store.put(UNIVERSE, "a", DOC, OptionalLong.empty(), 1_000);
    StoredMcpServer replaced = store.put(UNIVERSE, "a", RICH, OptionalLong.of(1), 2_000);

    FsMcpServerStore reopened = new FsMcpServerStore(home);

    assertThat(reopened.find(UNIVERSE, "a")).contains(replaced);
    assertThat(reopened.list(UNIVERSE)).containsExactly(replaced);
  }

  @Test
  void idsThatAreNotSafeFileNamesAreRefused() {
    assertThatThrownBy(() -> store.put(UNIVERSE, "../escape", DOC, OptionalLong.empty(), 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("MCP server id \"../escape\" is not a safe file name");
    assertThatThrownBy(() -> store.find(UNIVERSE, ".hidden")).isInstanceOf(IllegalArgumentException.class);
    assertThat(home.resolve("gateway")).doesNotExist();
  }
}
