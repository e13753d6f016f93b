package dev.lightspeed.store.pg;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a database's Lightspeed schema stands relative to this build, as {@link Migrations#status} reads it
 * without changing anything.
 *
 * @param state the verdict
 * @param current the newest version applied to the database, empty when none is
 * @param expected the newest version this build ships
 * @param pending the versions this build would apply, oldest first
 */
public record SchemaStatus(State state, Optional<String> current, String expected, List<String> pending) {
  /** The verdict on a database's schema. */
  public enum State {
    /** Every migration of this build is applied and none other: the stores can start. */
    CURRENT,
    /** Some or all of this build's migrations are missing: run {@value Migrations#MIGRATE_COMMAND}. */
    BEHIND,
    /** The database holds migrations this build does not know: it was migrated by a newer Lightspeed. */
    NEWER,
    /** A migration failed half-way and must be repaired by an operator before anything else. */
    FAILED
  }

  public SchemaStatus {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(current, "current");
    Objects.requireNonNull(expected, "expected");
    pending = List.copyOf(pending);
  }

  /** {@return one line for operators: the versions and what to do} */
  public String describe() {
    String at = "schema version " + current.orElse("none") + ", this build expects " + expected;
    return switch (state) {
      case CURRENT -> at + ": up to date";
      case BEHIND -> at + ": " + pending.size() + " migration(s) pending (" + String.join(", ", pending)
          + "); run `" + Migrations.MIGRATE_COMMAND + "`";
      case NEWER -> at + ": the database was migrated by a newer Lightspeed; run that version (or a newer one)"
          + " instead of this one";
      case FAILED -> at + ": a migration failed part-way; repair the database, then run `" + Migrations.MIGRATE_COMMAND + "`";
    };
  }
}
