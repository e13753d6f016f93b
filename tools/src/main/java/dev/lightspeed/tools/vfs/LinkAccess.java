package dev.lightspeed.tools.vfs;

/** Whether tools may write through a workspace link. Snapshot links are read-only whatever this says. */
public enum LinkAccess {
  READ_ONLY("readOnly"),
  READ_WRITE("readWrite");

  private final String wireName;

  LinkAccess(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  /** {@return the access named {@code name} in the contract} @throws IllegalArgumentException for another name */
  public static LinkAccess fromWire(String name) {
    for (LinkAccess a : values()) if (a.wireName.equals(name)) return a;
    throw new IllegalArgumentException("unknown access \"" + name + "\" (expected readOnly or readWrite)");
  }
}
