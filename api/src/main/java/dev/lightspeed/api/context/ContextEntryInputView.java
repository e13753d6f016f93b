package dev.lightspeed.api.context;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lightspeed.api.Fields;

/**
 * The contract's {@code ContextEntryInputView}: the entry an admitted input item became, before it has an
 * id in the session context; returned by {@code session/context/append}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContextEntryInputView(
    ContextEntryKindView kind,
    String contentRef,
    String preview,
    String mediaType,
    String providerItemId,
    String providerKind,
    TokenEstimateView tokenEstimate) {
  public ContextEntryInputView {
    Fields.required(kind, "kind");
    Fields.required(contentRef, "contentRef");
  }
}
