package dev.lightspeed.tools.run;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Builds {@code apply_patch} arguments from patch text, for runners that take the patch as a file. */
public final class PatchArguments {
  private static final ObjectMapper JSON = new ObjectMapper();

  private PatchArguments() {}

  /** {@return {@code {"input": patch}} as JSON text} */
  public static String of(String patch) {
    return JSON.createObjectNode().put("input", patch).toString();
  }
}
