package dev.lightspeed.tools.web;

/**
 * Whether {@code web_fetch} may reach the machine it runs on. Production refuses; tests that serve a page
 * from a local HTTP server allow it. Only loopback is affected: private, link-local, metadata and the other
 * refused ranges stay refused either way.
 */
public enum LoopbackAccess {
  /** The default: {@code 127.0.0.0/8}, {@code ::1} and {@code localhost} are refused like any internal address. */
  REFUSE_LOOPBACK,
  /** Loopback addresses may be fetched. For tests only; never set in a deployment. */
  ALLOW_LOOPBACK
}
