package dev.lightspeed.server.rpc;

import dev.lightspeed.api.Methods;
import dev.lightspeed.api.Protocol;
import dev.lightspeed.api.initialize.InitializeParams;
import dev.lightspeed.api.initialize.InitializeResponse;
import dev.lightspeed.api.initialize.ServerCapabilities;
import dev.lightspeed.api.initialize.ServerInfo;
import java.util.Objects;

/**
 * {@code initialize}: the protocol version, who this server is, and what it offers: the event log
 * ({@code session/events/read}) and history reads, but no pushed notifications and no local execution.
 * Changes nothing, so clients may call it any time.
 */
public final class InitializeMethod {
  public static final String SERVER_NAME = "lightspeed";

  private final String version;

  public InitializeMethod(String version) {
    this.version = Objects.requireNonNull(version, "version");
  }

  public void register(MethodTable.Builder table) {
    table.on(Methods.INITIALIZE, InitializeParams.class, params -> new InitializeResponse(
        Protocol.VERSION, new ServerInfo(SERVER_NAME, version), new ServerCapabilities(false, true, false, true)));
  }
}
