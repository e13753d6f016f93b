package dev.lightspeed.testkit.scripted;

import java.util.Objects;

/** A tool call a scripted turn makes: the tool's name and its JSON arguments. */
public record ScriptedCall(String name, String arguments) {
  public ScriptedCall {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(arguments, "arguments");
  }

  public static ScriptedCall call(String name, String arguments) {
    return new ScriptedCall(name, arguments);
  }
}
