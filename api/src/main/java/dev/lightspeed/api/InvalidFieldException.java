package dev.lightspeed.api;

/**
 * Thrown by a wire record's constructor when one of its members breaks the contract (missing, null, out of
 * range). It names the member so {@link ApiJson#readParams} can report the full path to the client.
 */
public final class InvalidFieldException extends IllegalArgumentException {
  private final String field;
  private final String problem;

  /**
   * @param field the member name as spelled on the wire, e.g. {@code "sessionId"} or {@code "items[2]"}
   * @param problem what is wrong, phrased to follow the field name, e.g. {@code "must not be negative"}
   */
  public InvalidFieldException(String field, String problem) {
    super("field \"" + field + "\" " + problem);
    this.field = field;
    this.problem = problem;
  }

  /** {@return the member name as spelled on the wire} */
  public String field() {
    return field;
  }

  /** {@return what is wrong with the member} */
  public String problem() {
    return problem;
  }

  /** {@return whether the member was absent or null where the contract requires it} */
  public boolean isMissing() {
    return MISSING.equals(problem);
  }

  static final String MISSING = "is required";
}
