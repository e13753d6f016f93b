package dev.lightspeed.tools.mcp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The function names MCP tools get: {@code mcp__<server>__<tool>}, held to the rule OpenAI and Anthropic both
 * enforce ({@code [A-Za-z0-9_-]{1,64}}). Other characters become {@code _}; a name longer than 64 keeps its
 * first 55 characters and ends with {@code _} and 8 hex digits of the full name's SHA-256, so two long names
 * that share a head still differ.
 */
public final class McpToolNames {
  /** The longest function name providers accept. */
  public static final int MAX_LENGTH = 64;
  /** What every MCP tool's function name starts with. */
  public static final String PREFIX = "mcp__";

  private McpToolNames() {}

  /** {@return the function name of {@code tool} of server {@code serverId}} */
  public static String of(String serverId, String tool) {
    return fit(PREFIX + sanitize(serverId) + "__" + sanitize(tool), PREFIX + serverId + "__" + tool);
  }

  /** {@return the name of the one spec a provider-run server {@code serverId} gets: {@code mcp__<server>}} */
  public static String ofServer(String serverId) {
    return fit(PREFIX + sanitize(serverId), PREFIX + serverId);
  }

  private static String fit(String sanitized, String original) {
    if (sanitized.length() <= MAX_LENGTH) return sanitized;
    return sanitized.substring(0, MAX_LENGTH - 9) + "_" + HexFormat.of().formatHex(sha256(original), 0, 4);
  }

  static String sanitize(String name) {
    StringBuilder b = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-';
      b.append(ok ? c : '_');
    }
    return b.toString();
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("every JDK has SHA-256", e);
    }
  }
}
