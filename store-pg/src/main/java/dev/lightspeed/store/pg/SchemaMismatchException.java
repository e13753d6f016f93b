package dev.lightspeed.store.pg;

import java.util.Objects;

/**
 * The database's schema is not the one this build works with: unmigrated, behind, newer or broken. The
 * message says which, and which command fixes it; the stores refuse to start rather than guess.
 */
public final class SchemaMismatchException extends RuntimeException {
  private final SchemaStatus status;

  public SchemaMismatchException(SchemaStatus status) {
    super("PostgreSQL " + Objects.requireNonNull(status, "status").describe());
    this.status = status;
  }

  public SchemaStatus status() {
    return status;
  }
}
