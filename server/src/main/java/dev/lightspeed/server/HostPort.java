package dev.lightspeed.server;

import java.util.Objects;

/**
 * A {@code host:port} address as the server's environment variables spell them; IPv6 hosts are bracketed
 * ({@code [::1]:18080}). Port 0 asks the operating system for a free port.
 */
public record HostPort(String host, int port) {
  public HostPort {
    Objects.requireNonNull(host, "host");
    if (host.isBlank()) throw new IllegalArgumentException("empty host");
    if (port < 0 || port > 65_535) throw new IllegalArgumentException("port out of range 0..65535: " + port);
  }

  /**
   * {@return the address {@code text} names}
   *
   * @throws IllegalArgumentException quoting {@code text} when it is not {@code host:port}
   */
  public static HostPort parse(String text) {
    Objects.requireNonNull(text, "text");
    String trimmed = text.strip();
    int colon = trimmed.lastIndexOf(':');
    if (colon <= 0 || colon == trimmed.length() - 1) throw malformed(text);
    String host = trimmed.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) host = host.substring(1, host.length() - 1);
    if (host.isBlank() || host.contains(":") && !trimmed.startsWith("[")) throw malformed(text);
    int port;
    try {
      port = Integer.parseInt(trimmed.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw malformed(text);
    }
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port out of range 0..65535 in \"" + text + "\"");
    }
    return new HostPort(host, port);
  }

  /** {@return the address as {@code host:port}, bracketing an IPv6 host} */
  @Override
  public String toString() {
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }

  private static IllegalArgumentException malformed(String text) {
    return new IllegalArgumentException("expected host:port (e.g. 127.0.0.1:18080), not \"" + text + "\"");
  }
}
