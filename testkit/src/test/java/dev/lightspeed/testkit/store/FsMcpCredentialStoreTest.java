package dev.lightspeed.testkit.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lightspeed.store.mcp.McpCredentialStore;
import dev.lightspeed.store.mcp.fs.FsMcpCredentialStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FsMcpCredentialStoreTest extends McpCredentialStoreContract {
  @TempDir Path home;

  @Override
  protected McpCredentialStore newStore() {
    return new FsMcpCredentialStore(home);
  }

  @Test
  void theFileIsReadableByItsOwnerOnly() throws Exception {
    store.put(UNIVERSE, "docs", SEALED);

    Path file = home.resolve("gateway/mcp-credentials/default/docs.sealed");
    assertThat(Files.readString(file)).isEqualTo(SEALED);
    assertThat(Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    assertThat(new FsMcpCredentialStore(home).find(UNIVERSE, "docs")).contains(SEALED);
  }
}
