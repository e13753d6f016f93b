package dev.lightspeed.engine.context;

import dev.lightspeed.engine.cas.BlobRef;
import java.util.Objects;

/**
 * The content of a context entry before it is placed: what it is and where its bytes live. The bytes
 * themselves (a provider-native item, a message text, a tool result) stay in the blob store; the entry
 * carries the ref plus the few facts the engine branches on.
 *
 * @param key stable client-chosen key, or null for unkeyed entries (keyed entries are never pruned)
 * @param providerKind the provider-native item type when the content is a native item (e.g.
 *     {@code openai:function_call}), else null
 * @param preview a short human-readable excerpt for listings, or null
 * @param tokenEstimate rough token count used for budgeting (bytes / 4 when unknown)
 * @param callId the tool call id for tool call and tool result entries, else null
 */
public record ContextItem(
    String key,
    EntryKind kind,
    EntryRole role,
    BlobRef content,
    String mediaType,
    String providerKind,
    String preview,
    long tokenEstimate,
    String callId,
    boolean isError) {

  public ContextItem {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(mediaType, "mediaType");
    if (tokenEstimate < 0) throw new IllegalArgumentException("tokenEstimate < 0: " + tokenEstimate);
  }

  /** A plain message entry. */
  public static ContextItem message(EntryRole role, BlobRef content, String preview, long tokenEstimate) {
    return new ContextItem(null, EntryKind.MESSAGE, role, content, "text/plain", null, preview, tokenEstimate, null, false);
  }

  public ContextItem withKey(String newKey) {
    return new ContextItem(newKey, kind, role, content, mediaType, providerKind, preview, tokenEstimate, callId, isError);
  }

  /** {@return whether two items carry the same content, ignoring the key} */
  public boolean sameContentAs(ContextItem other) {
    return withKey(null).equals(other.withKey(null));
  }
}
