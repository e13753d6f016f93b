package dev.lightspeed.engine.command;

/** Why a command was refused; wire names match the v1 contract's error kinds. */
public enum RejectionKind {
  /** The command itself is malformed: bad ids, empty or oversized input, invalid config. */
  INVALID_REQUEST("invalid_request"),
  /** It names a run, entry or session that does not exist. */
  NOT_FOUND("not_found"),
  /** A revision guard or a submission id does not match what the session holds. */
  CONFLICT("conflict"),
  /** The session's state does not allow it now (closed, busy, cancelling). */
  REJECTED("rejected");

  private final String wireName;

  RejectionKind(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }
}
