package dev.lightspeed.tools.dialect;

/**
 * The shape of file tools a model was trained on: Codex-style names and arguments for OpenAI models, Claude
 * Code-style for Anthropic ones. Both dialects run the same operations; only names, arguments and defaults differ.
 */
public enum Dialect {
  /** {@code read_file, write_file, edit_file, apply_patch, glob, grep, list_dir}. */
  CODEX,
  /** {@code Read, Write, Edit, Glob, Grep, LS}. */
  CLAUDE;

  /** {@return the dialect for a session's API kind: Claude-style for {@code anthropic:messages}, else Codex-style} */
  public static Dialect forApiKind(String apiKind) {
    return apiKind.startsWith("anthropic:") ? CLAUDE : CODEX;
  }
}
