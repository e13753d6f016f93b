package dev.lightspeed.api.initialize;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lightspeed.api.Fields;

/** The contract's {@code ClientInfo}: who is calling, for the server's logs. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClientInfo(String name, String version) {
  public ClientInfo {
    Fields.required(name, "name");
  }
}
