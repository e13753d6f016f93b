package dev.lightspeed.engine.context;

/**
 * What a context entry is, which decides where it sits in the request (instructions and catalogs first) and
 * whether compaction may prune it.
 */
public enum EntryKind {
  MESSAGE("message", true),
  INSTRUCTIONS("instructions", false),
  VFS_CATALOG("vfsCatalog", false),
  SKILL_CATALOG("skillCatalog", false),
  SKILL_ACTIVATION("skillActivation", false),
  TOOL_CALL("toolCall", true),
  TOOL_RESULT("toolResult", true),
  REASONING_STATE("reasoningState", true),
  PROVIDER_OPAQUE("providerOpaque", true),
  /** A provider compaction item or summary that stands in for the entries before it. */
  COMPACTION("compaction", true);

  private final String wireName;
  private final boolean prunableKind;

  EntryKind(String wireName, boolean prunableKind) {
    this.wireName = wireName;
    this.prunableKind = prunableKind;
  }

  public String wireName() {
    return wireName;
  }

  /** {@return whether entries of this kind may be removed by compaction (keyed entries never are)} */
  public boolean prunableKind() {
    return prunableKind;
  }

  public static EntryKind fromWire(String name) {
    for (EntryKind kind : values()) if (kind.wireName.equals(name)) return kind;
    throw new IllegalArgumentException("unknown context entry kind: \"" + name + "\"");
  }
}
