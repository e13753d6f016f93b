package dev.lightspeed.tools.vfs;

/** Which file tools a session gets: only the reading ones, or the editing ones too. */
public enum ToolSurface {
  /** Read, list and search. */
  READ_ONLY("readOnly"),
  /** Everything in {@link #READ_ONLY} plus write, edit and apply_patch. */
  EDIT("edit");

  private final String wireName;

  ToolSurface(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  /** {@return the surface named {@code name} in the contract} @throws IllegalArgumentException for another name */
  public static ToolSurface fromWire(String name) {
    for (ToolSurface s : values()) if (s.wireName.equals(name)) return s;
    throw new IllegalArgumentException("unknown tool surface \"" + name + "\" (expected readOnly or edit)");
  }
}
