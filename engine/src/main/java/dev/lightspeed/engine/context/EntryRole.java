package dev.lightspeed.engine.context;

/** The conversational role of a message entry; {@link #NONE} for entries that are not messages. */
public enum EntryRole {
  NONE("none"),
  USER("user"),
  ASSISTANT("assistant"),
  SYSTEM("system"),
  DEVELOPER("developer");

  private final String wireName;

  EntryRole(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static EntryRole fromWire(String name) {
    for (EntryRole role : values()) if (role.wireName.equals(name)) return role;
    throw new IllegalArgumentException("unknown entry role: \"" + name + "\"");
  }
}
