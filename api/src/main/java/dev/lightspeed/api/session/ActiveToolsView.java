package dev.lightspeed.api.session;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lightspeed.api.Fields;
import java.util.List;

/** The contract's {@code ActiveToolsView}: the tools derived from a session's config, at one revision. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ActiveToolsView(long revision, List<ToolView> tools) {
  /** The schema default: revision 0, no tools. */
  public static final ActiveToolsView EMPTY = new ActiveToolsView(0, List.of());

  public ActiveToolsView {
    Fields.unsigned(revision, "revision");
    tools = Fields.listOrEmpty(tools, "tools");
  }
}
