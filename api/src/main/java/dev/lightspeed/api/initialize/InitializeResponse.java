package dev.lightspeed.api.initialize;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lightspeed.api.Fields;

/** Result of {@code initialize}: the protocol version ({@code Protocol.VERSION}), server identity and capabilities. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InitializeResponse(String protocolVersion, ServerInfo serverInfo, ServerCapabilities capabilities) {
  public InitializeResponse {
    Fields.required(protocolVersion, "protocolVersion");
    Fields.required(serverInfo, "serverInfo");
    Fields.required(capabilities, "capabilities");
  }
}
