package dev.lightspeed.api.session;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lightspeed.api.Fields;

/**
 * Params of {@code session/config/put}: the whole new {@code SessionConfig} document (a tree the server
 * validates), replacing the stored one; with {@code expectedConfigRevision} only if that is still current.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SessionConfigPutParams(String sessionId, ObjectNode config, Long expectedConfigRevision) {
  public SessionConfigPutParams {
    Fields.required(sessionId, "sessionId");
    Fields.required(config, "config");
    Fields.unsigned(expectedConfigRevision, "expectedConfigRevision");
  }
}
