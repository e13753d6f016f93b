package dev.lightspeed.api.context;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lightspeed.api.Fields;
import java.util.List;

/** The contract's {@code ContextView}: a session's active context at one revision. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContextView(long revision, List<ContextEntryView> entries) {
  public ContextView {
    Fields.unsigned(revision, "revision");
    entries = Fields.listOrEmpty(entries, "entries");
  }
}
