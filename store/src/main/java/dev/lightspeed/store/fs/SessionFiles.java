package dev.lightspeed.store.fs;

import dev.lightspeed.store.SessionId;
import dev.lightspeed.store.UniverseId;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where one session lives on disk: {@code <root>/universes/<universe>/sessions/<session>/} holding
 * {@code events.jsonl} (the log, authoritative), {@code meta.json} (the summary projection; the session exists
 * exactly when this file does) and {@code lock} (taken with an OS file lock while writing).
 */
record SessionFiles(UniverseId universe, SessionId session, Path dir) {
  SessionFiles {
    Objects.requireNonNull(universe, "universe");
    Objects.requireNonNull(session, "session");
    Objects.requireNonNull(dir, "dir");
  }

  static SessionFiles of(Path root, UniverseId universe, SessionId session) {
    Objects.requireNonNull(session, "session");
    return new SessionFiles(universe, session, sessionsDir(root, universe).resolve(session.value()));
  }

  static Path sessionsDir(Path root, UniverseId universe) {
    return root.resolve("universes").resolve(Objects.requireNonNull(universe, "universe").value()).resolve("sessions");
  }

  Path events() {
    return dir.resolve("events.jsonl");
  }

  Path meta() {
    return dir.resolve("meta.json");
  }

  Path lock() {
    return dir.resolve("lock");
  }
}
