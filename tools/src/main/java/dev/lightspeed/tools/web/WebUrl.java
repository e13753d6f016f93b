package dev.lightspeed.tools.web;

import java.net.IDN;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An http or https URL that {@code web_fetch} is willing to request, split into what the request needs:
 * scheme, host (ASCII, lower case, no trailing dot), port, and the request target (path and query; the
 * fragment is dropped). {@link #parse} refuses anything else with a message the model can act on: other
 * schemes, credentials in the URL, a missing host, IPv6 zone ids, and IPv4 addresses written in any form other
 * than four decimal parts ({@code 2130706433}, {@code 0177.0.0.1}, {@code 0x7f.1}, {@code 127.1}), which
 * resolvers read differently and which serve mostly to slip past filters.
 *
 * @param literal the address when the host is an IP literal, else empty (the host is a name to resolve)
 */
record WebUrl(URI uri, boolean tls, String host, int port, String requestTarget, Optional<InetAddress> literal) {
  private static final Pattern DOTTED_QUAD = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
  /** What an inet_aton-style parser would take for a number: 1 to 4 decimal, octal or hex parts. */
  private static final Pattern NUMERIC = Pattern.compile("(0x[0-9a-f]*|\\d+)(\\.(0x[0-9a-f]*|\\d+)){0,3}");
  private static final Pattern ABSOLUTE = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://)([^/?#]*)(.*)", Pattern.DOTALL);
  private static final Pattern NAME = Pattern.compile("[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?(\\.[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)*");

  WebUrl {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(requestTarget, "requestTarget");
    Objects.requireNonNull(literal, "literal");
  }

  /** Why a URL cannot be fetched; the message says what was wrong and, where it helps, what to send instead. */
  static final class Refused extends Exception {
    Refused(String message) {
      super(message);
    }
  }

  /** {@return {@code text} as a fetchable URL} @throws Refused saying why it is not one */
  static WebUrl parse(String text) throws Refused {
    URI uri;
    try {
      uri = new URI(asciiHost(text.strip()));
    } catch (URISyntaxException e) {
      throw new Refused("\"" + text + "\" is not a valid URL: " + e.getReason());
    }
    return of(uri);
  }

  /**
   * {@return {@code url} with an internationalized host name in its ASCII (IDNA) form}, since {@link URI}
   * would otherwise percent-encode it into a name that resolves nowhere; anything else is left for
   * {@link #of} to judge
   */
  private static String asciiHost(String url) {
    Matcher m = ABSOLUTE.matcher(url);
    if (!m.matches() || m.group(2).chars().allMatch(c -> c < 128) || m.group(2).contains("@") || m.group(2).startsWith("[")) return url;
    String authority = m.group(2);
    int colon = authority.lastIndexOf(':');
    String host = colon < 0 ? authority : authority.substring(0, colon);
    try {
      return m.group(1) + IDN.toASCII(host, IDN.ALLOW_UNASSIGNED) + (colon < 0 ? "" : authority.substring(colon)) + m.group(3);
    } catch (IllegalArgumentException e) {
      return url;
    }
  }

  /** {@return the URL {@code location} names, relative to this one (for redirects)} @throws Refused saying why it cannot be fetched */
  WebUrl resolve(String location) throws Refused {
    URI target;
    try {
      target = uri.resolve(new URI(location.strip()));
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw new Refused("the redirect to \"" + location + "\" is not a valid URL");
    }
    return of(target);
  }

  private static WebUrl of(URI given) throws Refused {
    URI uri;
    try {
      uri = new URI(given.toASCIIString());
    } catch (URISyntaxException e) {
      throw new Refused("\"" + given + "\" is not a valid URL: " + e.getReason());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new Refused(scheme.isEmpty()
          ? "\"" + given + "\" has no scheme; web_fetch fetches absolute http:// or https:// URLs"
          : "web_fetch fetches only http and https URLs, not " + scheme + ":");
    }
    boolean tls = scheme.equals("https");
    String authority = uri.getRawAuthority();
    if (authority == null || authority.isEmpty()) throw new Refused("\"" + given + "\" has no host");
    if (authority.contains("@")) throw new Refused("URLs with credentials (user@host) are not fetched");
    String hostPart;
    String portPart = null;
    if (authority.startsWith("[")) {
      int close = authority.indexOf(']');
      if (close < 0) throw new Refused("\"" + given + "\" has an unterminated IPv6 address");
      hostPart = authority.substring(0, close + 1);
      String rest = authority.substring(close + 1);
      if (!rest.isEmpty()) {
        if (!rest.startsWith(":")) throw new Refused("\"" + given + "\" has a malformed host");
        portPart = rest.substring(1);
      }
    } else {
      int colon = authority.lastIndexOf(':');
      hostPart = colon < 0 ? authority : authority.substring(0, colon);
      if (colon >= 0) portPart = authority.substring(colon + 1);
    }
    int port = tls ? 443 : 80;
    if (portPart != null && !portPart.isEmpty()) {
      if (!portPart.matches("\\d{1,5}") || Integer.parseInt(portPart) < 1 || Integer.parseInt(portPart) > 65535) {
        throw new Refused("\"" + portPart + "\" is not a valid port");
      }
      port = Integer.parseInt(portPart);
    }
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    String target = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    URI normal;
    try {
      normal = new URI(scheme + "://" + authority.toLowerCase(Locale.ROOT) + target);
    } catch (URISyntaxException e) {
      throw new Refused("\"" + given + "\" is not a valid URL: " + e.getReason());
    }
    if (hostPart.startsWith("[")) {
      String inner = hostPart.substring(1, hostPart.length() - 1);
      if (inner.contains("%")) throw new Refused("IPv6 zone ids (" + hostPart + ") are not fetched");
      if (!inner.matches("[0-9A-Fa-f:.]+") || !inner.contains(":")) throw new Refused(hostPart + " is not a valid IPv6 address");
      return new WebUrl(normal, tls, hostPart.toLowerCase(Locale.ROOT), port, target, Optional.of(literal(inner, hostPart)));
    }
    String host = ascii(hostPart, given);
    if (DOTTED_QUAD.matcher(host).matches()) return new WebUrl(normal, tls, host, port, target, Optional.of(literal(host, host)));
    if (NUMERIC.matcher(host).matches()) {
      throw new Refused(inetAton(host)
          .map(a -> host + " is an IPv4 address written in a non-standard form (it means " + a + "); write addresses as four decimal parts")
          .orElse(host + " is neither a host name nor a valid IPv4 address"));
    }
    if (!NAME.matcher(host).matches()) throw new Refused("\"" + hostPart + "\" is not a valid host name");
    return new WebUrl(normal, tls, host, port, target, Optional.empty());
  }

  /** {@return the host name in ASCII (IDNA), lower case, without a trailing dot} */
  private static String ascii(String hostPart, URI given) throws Refused {
    String host = hostPart.toLowerCase(Locale.ROOT);
    if (host.endsWith(".")) host = host.substring(0, host.length() - 1);
    if (host.isEmpty()) throw new Refused("\"" + given + "\" has no host");
    try {
      return IDN.toASCII(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      throw new Refused("\"" + hostPart + "\" is not a valid host name");
    }
  }

  /** {@return the {@code Host} header value: the host, with the port when it is not the scheme's default} */
  String hostHeader() {
    return port == (tls ? 443 : 80) ? host : host + ":" + port;
  }

  @Override
  public String toString() {
    return uri.toString();
  }

  private static InetAddress literal(String text, String shown) throws Refused {
    try {
      return InetAddress.getByName(text);
    } catch (UnknownHostException e) {
      throw new Refused(shown + " is not a valid IP address");
    }
  }

  /** {@return what the classic C resolver makes of a numeric host (decimal, 0-octal, 0x-hex parts), if anything} */
  static Optional<String> inetAton(String host) {
    String[] parts = host.split("\\.", -1);
    long[] values = new long[parts.length];
    for (int i = 0; i < parts.length; i++) {
      String p = parts[i];
      try {
        if (p.startsWith("0x")) values[i] = p.length() == 2 ? 0 : Long.parseLong(p.substring(2), 16);
        else if (p.length() > 1 && p.startsWith("0")) values[i] = Long.parseLong(p.substring(1), 8);
        else values[i] = Long.parseLong(p);
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    long address = 0;
    for (int i = 0; i < values.length - 1; i++) {
      if (values[i] > 255) return Optional.empty();
      address |= values[i] << (8 * (3 - i));
    }
    long last = values[values.length - 1];
    if (last >= 1L << (8 * (5 - values.length))) return Optional.empty();
    address |= last;
    return Optional.of(((address >> 24) & 0xff) + "." + ((address >> 16) & 0xff) + "." + ((address >> 8) & 0xff) + "." + (address & 0xff));
  }
}
