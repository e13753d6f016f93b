package dev.lightspeed.cli.chat;

import java.util.Objects;

/**
 * One tool call as a person wants to see it: the tool's name and the one argument that says what it works on
 * (a path, a command, a pattern), shortened to fit a line.
 */
public record ToolCallView(String callId, String name, String keyArgument) {
  public ToolCallView {
    Objects.requireNonNull(callId, "callId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(keyArgument, "keyArgument");
  }

  /** {@return {@code name keyArgument}, or just the name} */
  public String label() {
    return keyArgument.isEmpty() ? name : name + " " + keyArgument;
  }
}
