package dev.lightspeed.api.context;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lightspeed.api.Fields;

/**
 * The contract's {@code ContextEntryView}: one stored context entry, keyed, kind-tagged and ref-backed.
 * {@code display} ({@code ProviderContextDisplayView}) and {@code source} ({@code ContextEntrySourceView},
 * a {@code type}-tagged union) stay trees: the server builds them and clients only render them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContextEntryView(
    String id,
    ContextEntryKindView kind,
    String contentRef,
    String key,
    String text,
    String preview,
    String mediaType,
    String providerItemId,
    String providerKind,
    TokenEstimateView tokenEstimate,
    ObjectNode source,
    ObjectNode display) {
  public ContextEntryView {
    Fields.required(id, "id");
    Fields.required(kind, "kind");
    Fields.required(contentRef, "contentRef");
  }

  /** {@return an entry with only the required members} */
  public static ContextEntryView of(String id, ContextEntryKindView kind, String contentRef) {
    return new ContextEntryView(id, kind, contentRef, null, null, null, null, null, null, null, null, null);
  }
}
