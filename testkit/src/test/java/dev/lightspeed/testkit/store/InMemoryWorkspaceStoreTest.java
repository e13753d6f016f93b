package dev.lightspeed.testkit.store;

import dev.lightspeed.store.vfs.WorkspaceStore;
import dev.lightspeed.store.vfs.memory.InMemoryWorkspaceStore;

class InMemoryWorkspaceStoreTest extends WorkspaceStoreContract {
  @Override
  protected WorkspaceStore newStore(ManualClock clock) {
    return new InMemoryWorkspaceStore(clock);
  }
}
