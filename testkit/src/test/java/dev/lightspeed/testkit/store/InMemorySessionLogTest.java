package dev.lightspeed.testkit.store;

import dev.lightspeed.store.log.SessionLog;
import dev.lightspeed.store.memory.InMemorySessionLog;
import java.time.InstantSource;

class InMemorySessionLogTest extends SessionLogContract {
  @Override
  protected SessionLog newLog(InstantSource clock) {
    return new InMemorySessionLog(clock);
  }
}
