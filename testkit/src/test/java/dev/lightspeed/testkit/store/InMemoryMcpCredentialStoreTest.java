package dev.lightspeed.testkit.store;

import dev.lightspeed.store.mcp.McpCredentialStore;
import dev.lightspeed.store.mcp.memory.InMemoryMcpCredentialStore;

class InMemoryMcpCredentialStoreTest extends McpCredentialStoreContract {
  @Override
  protected McpCredentialStore newStore() {
    return new InMemoryMcpCredentialStore();
  }
}
