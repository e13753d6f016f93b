package dev.lightspeed.api;

/** The transport constants of the agent API, kept in one place so the server and the client cannot drift. */
public final class Protocol {
  private Protocol() {}

  /** The protocol version {@code initialize} reports, as {@code protocolVersion} in {@code methods.json}. */
  public static final String VERSION = "lightspeed.agent.api.v1";

  /** The HTTP path JSON-RPC requests are POSTed to. */
  public static final String ENDPOINT = "/rpc";

  /** The value of every message's {@code jsonrpc} member. */
  public static final String JSONRPC_VERSION = "2.0";
}
