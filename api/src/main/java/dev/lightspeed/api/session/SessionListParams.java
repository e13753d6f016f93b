package dev.lightspeed.api.session;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lightspeed.api.Fields;

/**
 * Params of {@code session/list}: an optional page size and the opaque {@code nextCursor} of the previous
 * page.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SessionListParams(String cursor, Long limit) {
  public SessionListParams {
    Fields.unsigned(limit, "limit");
  }
}
