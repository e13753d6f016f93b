package dev.lightspeed.engine.json;

/** A JSON document parsed fine but does not have the shape a reader expected (missing or mistyped field). */
public final class JsonShapeException extends RuntimeException {
  public JsonShapeException(String message) {
    super(message);
  }
}
