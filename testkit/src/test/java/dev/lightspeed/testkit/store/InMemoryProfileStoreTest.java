package dev.lightspeed.testkit.store;

import dev.lightspeed.store.profile.ProfileStore;
import dev.lightspeed.store.profile.memory.InMemoryProfileStore;

class InMemoryProfileStoreTest extends ProfileStoreContract {
  @Override
  protected ProfileStore newStore(ManualClock clock) {
    return new InMemoryProfileStore(clock);
  }
}
