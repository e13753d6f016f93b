package dev.lightspeed.api.initialize;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lightspeed.api.Fields;

/** The contract's {@code ServerInfo}: the server's name and version, for client diagnostics. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServerInfo(String name, String version) {
  public ServerInfo {
    Fields.required(name, "name");
    Fields.required(version, "version");
  }
}
