package dev.lightspeed.engine.command;

import java.util.Objects;

/** A refused command: a kind to branch on and a message a user can act on. */
public record Rejection(RejectionKind kind, String message) {
  public Rejection {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(message, "message");
  }

  public static Rejection invalid(String message) {
    return new Rejection(RejectionKind.INVALID_REQUEST, message);
  }

  public static Rejection notFound(String message) {
    return new Rejection(RejectionKind.NOT_FOUND, message);
  }

  public static Rejection conflict(String message) {
    return new Rejection(RejectionKind.CONFLICT, message);
  }

  public static Rejection rejected(String message) {
    return new Rejection(RejectionKind.REJECTED, message);
  }
}
