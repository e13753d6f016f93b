package dev.lightspeed.testkit.store;

import dev.lightspeed.store.mcp.McpServerStore;
import dev.lightspeed.store.mcp.memory.InMemoryMcpServerStore;

class InMemoryMcpServerStoreTest extends McpServerStoreContract {
  @Override
  protected McpServerStore newStore() {
    return new InMemoryMcpServerStore();
  }
}
