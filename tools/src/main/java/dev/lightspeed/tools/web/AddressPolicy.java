package dev.lightspeed.tools.web;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which IP addresses {@code web_fetch} may connect to: public unicast addresses only. Refused, with the
 * reason named: unspecified ({@code 0.0.0.0/8}, {@code ::}), loopback ({@code 127.0.0.0/8}, {@code ::1};
 * allowed only under {@link LoopbackAccess#ALLOW_LOOPBACK}), private ({@code 10/8}, {@code 172.16/12},
 * {@code 192.168/16}, IPv6 unique local {@code fc00::/7}), shared CGNAT space ({@code 100.64/10}), link-local
 * ({@code 169.254/16}, {@code fe80::/10}) with the cloud metadata endpoints in them ({@code 169.254.169.254},
 * and AWS's {@code fd00:ec2::254} inside the ULA range) named as such, multicast, broadcast, the reserved
 * {@code 240/4}, IETF protocol and documentation ranges, benchmarking {@code 198.18/15}, and the IPv6 forms
 * that carry an IPv4 address (mapped {@code ::ffff:0:0/96}, compatible {@code ::/96}, NAT64
 * {@code 64:ff9b::/96}, 6to4 {@code 2002::/16}), which are judged by the IPv4 address inside them; Teredo
 * ({@code 2001::/32}), whose inner address is obfuscated, is refused outright. Immutable and safe for
 * concurrent use.
 */
final class AddressPolicy {
  private static final byte[] AWS_METADATA_V6 = v6("fd00:ec2::254");

  private final LoopbackAccess loopback;

  AddressPolicy(LoopbackAccess loopback) {
    this.loopback = Objects.requireNonNull(loopback, "loopback");
  }

  /** {@return why {@code address} may not be fetched, e.g. "a private address (10.0.0.0/8)"; empty when it may} */
  Optional<String> refusal(InetAddress address) {
    Objects.requireNonNull(address, "address");
    byte[] b = address.getAddress();
    Optional<String> reason = address instanceof Inet4Address ? v4(b) : v6(b);
    if (reason.isPresent() && reason.get().startsWith(LOOPBACK) && loopback == LoopbackAccess.ALLOW_LOOPBACK) return Optional.empty();
    return reason;
  }

  /** {@return the first refusal among {@code addresses}, naming the address; empty when every one may be fetched} */
  Optional<String> refusal(List<InetAddress> addresses) {
    for (InetAddress a : addresses) {
      Optional<String> reason = refusal(a);
      if (reason.isPresent()) return Optional.of(a.getHostAddress() + " is " + reason.get());
    }
    return Optional.empty();
  }

  private static final String LOOPBACK = "a loopback address";

  private static Optional<String> v4(byte[] b) {
    int a0 = b[0] & 0xff;
    int a1 = b[1] & 0xff;
    int a2 = b[2] & 0xff;
    int a3 = b[3] & 0xff;
    if (a0 == 169 && a1 == 254 && a2 == 169 && a3 == 254) return refused("a cloud metadata address (169.254.169.254)");
    if (a0 == 255 && a1 == 255 && a2 == 255 && a3 == 255) return refused("the broadcast address");
    if (a0 == 0) return refused("an unspecified address (0.0.0.0/8)");
    if (a0 == 127) return refused(LOOPBACK + " (127.0.0.0/8)");
    if (a0 == 10) return refused("a private address (10.0.0.0/8)");
    if (a0 == 172 && (a1 & 0xf0) == 16) return refused("a private address (172.16.0.0/12)");
    if (a0 == 192 && a1 == 168) return refused("a private address (192.168.0.0/16)");
    if (a0 == 100 && (a1 & 0xc0) == 64) return refused("a shared carrier-grade NAT address (100.64.0.0/10)");
    if (a0 == 169 && a1 == 254) return refused("a link-local address (169.254.0.0/16)");
    if (a0 == 192 && a1 == 0 && a2 == 0) return refused("an IETF protocol address (192.0.0.0/24)");
    if (a0 == 192 && a1 == 0 && a2 == 2 || a0 == 198 && a1 == 51 && a2 == 100 || a0 == 203 && a1 == 0 && a2 == 113) {
      return refused("a documentation address (TEST-NET)");
    }
    if (a0 == 198 && (a1 & 0xfe) == 18) return refused("a benchmarking address (198.18.0.0/15)");
    if ((a0 & 0xf0) == 224) return refused("a multicast address (224.0.0.0/4)");
    if ((a0 & 0xf0) == 240) return refused("a reserved address (240.0.0.0/4)");
    return Optional.empty();
  }

  private static Optional<String> v6(byte[] b) {
    if (Arrays.equals(b, AWS_METADATA_V6)) return refused("a cloud metadata address (fd00:ec2::254)");
    if (zero(b, 0, 15)) {
      if (b[15] == 0) return refused("the unspecified address (::)");
      if (b[15] == 1) return refused(LOOPBACK + " (::1)");
    }
    if (zero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) return embedded(b, 12, "IPv4-mapped");
    if (zero(b, 0, 12)) return embedded(b, 12, "IPv4-compatible");
    if (b[0] == 0x00 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
      if (zero(b, 4, 12)) return embedded(b, 12, "NAT64");
      if (b[4] == 0 && b[5] == 1) return refused("a local-use NAT64 address (64:ff9b:1::/48)");
    }
    if (b[0] == 0x20 && b[1] == 0x02) return embedded(b, 2, "6to4");
    if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0 && b[3] == 0) return refused("a Teredo address (2001::/32)");
    if (b[0] == 0x20 && b[1] == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) return refused("a documentation address (2001:db8::/32)");
    if (b[0] == 0x01 && b[1] == 0x00 && zero(b, 2, 8)) return refused("a discard-only address (100::/64)");
    if ((b[0] & 0xfe) == 0xfc) return refused("a private address (IPv6 unique local, fc00::/7)");
    if ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0x80) return refused("a link-local address (fe80::/10)");
    if ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0xc0) return refused("a site-local address (fec0::/10)");
    if ((b[0] & 0xff) == 0xff) return refused("a multicast address (ff00::/8)");
    return Optional.empty();
  }

  private static Optional<String> embedded(byte[] b, int at, String form) {
    byte[] v4 = Arrays.copyOfRange(b, at, at + 4);
    return v4(v4).map(reason -> "an IPv6 address (" + form + ") embedding " + (v4[0] & 0xff) + "." + (v4[1] & 0xff) + "." + (v4[2] & 0xff)
        + "." + (v4[3] & 0xff) + ", " + reason);
  }

  private static boolean zero(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) if (b[i] != 0) return false;
    return true;
  }

  private static Optional<String> refused(String reason) {
    return Optional.of(reason);
  }

  private static byte[] v6(String literal) {
    try {
      return Inet6Address.getByName(literal).getAddress();
    } catch (UnknownHostException e) {
      throw new AssertionError("not an IPv6 literal: " + literal, e);
    }
  }
}
