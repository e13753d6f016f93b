package dev.lightspeed.server.session;

import dev.lightspeed.store.SessionId;
import dev.lightspeed.store.UniverseId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sessions' display names. The event log has no event for a name and the session log SPI no column for
 * it, so the gateway keeps names beside the store; a name is a label, never input to the engine. Safe for
 * concurrent use.
 */
public interface DisplayNames {
  /** {@return the session's display name, or empty when it has none} */
  Optional<String> find(UniverseId universe, SessionId session);

  /** Sets the session's display name, or clears it when {@code name} is null. */
  void put(UniverseId universe, SessionId session, String name);

  /** {@return names kept in memory only, for tests} */
  static DisplayNames inMemory() {
    Map<String, String> names = new ConcurrentHashMap<>();
    return new DisplayNames() {
      @Override
      public Optional<String> find(UniverseId universe, SessionId session) {
        return Optional.ofNullable(names.get(universe + "/" + session));
      }

      @Override
      public void put(UniverseId universe, SessionId session, String name) {
        if (name == null) names.remove(universe + "/" + session);
        else names.put(universe + "/" + session, name);
      }
    };
  }
}
