package dev.lightspeed.engine.cas;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Blobs the engine refers to by hash without ever writing them: the standard results and reasons it records
 * when something fails at a boundary. Every blob store seeds all of them, so a ref to one always resolves.
 * Their bytes are part of the log's meaning: never edit a text, add a new constant instead.
 */
public enum WellKnownBlob {
  TOOL_UNAVAILABLE("The requested tool is not available in this session. Use only the tools you were given."),
  TOOL_FAILED_AT_BOUNDARY("The tool failed before it could return a result."),
  TOOL_CANCELLED("The tool call was cancelled before it completed."),
  LLM_FAILED_AT_BOUNDARY("The model request failed before a response was received."),
  NO_MODEL_CONFIGURED("The session has no model configured; set config.model (providerId, apiKind, model)."),
  PLANNING_FAILED("The engine could not plan the next turn from the session state."),
  MAX_TURNS_EXCEEDED("The run reached its maxTurns limit."),
  MAX_TOOL_ROUNDS_EXCEEDED("The run reached its maxToolRounds limit."),
  RUN_CANCELLED("The run was cancelled."),
  TOOL_DENIED("The user denied this tool call; it was not run. Do not retry it unchanged; ask the user how to proceed if you need it.");

  private final byte[] bytes;
  private final BlobRef ref;

  WellKnownBlob(String text) {
    this.bytes = text.getBytes(StandardCharsets.UTF_8);
    this.ref = BlobRef.sha256(bytes);
  }

  public BlobRef ref() {
    return ref;
  }

  public byte[] bytes() {
    return Arrays.copyOf(bytes, bytes.length);
  }

  public String text() {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  public static List<WellKnownBlob> all() {
    return List.of(values());
  }
}
