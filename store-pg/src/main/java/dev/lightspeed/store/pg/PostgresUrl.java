package dev.lightspeed.store.pg;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the database is: a JDBC URL plus the credentials, parsed from either form operators write,
 * {@code jdbc:postgresql://host:5432/db?user=u&password=p} or the libpq URI
 * {@code postgresql://u:p@host:5432/db} ({@code postgres://} too). Credentials in the libpq form move out
 * of the URL into {@link #user} and {@link #password}, so {@link #toString} can show the URL without them.
 */
public record PostgresUrl(String jdbcUrl, Optional<String> user, Optional<String> password) {
  public PostgresUrl {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
  }

  /**
   * {@return the location {@code text} names}
   *
   * @throws IllegalArgumentException quoting {@code text} (password masked) when it is neither form
   */
  public static PostgresUrl parse(String text) {
    Objects.requireNonNull(text, "text");
    String value = text.strip();
    if (value.startsWith("jdbc:postgresql:")) {
      if (!value.startsWith("jdbc:postgresql://") || value.length() == "jdbc:postgresql://".length()) {
        throw invalid(value, "expected jdbc:postgresql://host[:port]/database");
      }
      return new PostgresUrl(value, Optional.empty(), Optional.empty());
    }
    if (!value.startsWith("postgresql://") && !value.startsWith("postgres://")) {
      throw invalid(value, "expected postgresql://user:password@host:port/database or jdbc:postgresql://host:port/database");
    }
    URI uri;
    try {
      uri = new URI(value);
    } catch (URISyntaxException e) {
      throw invalid(value, e.getReason());
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) throw invalid(value, "no host");
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    if (path.length() <= 1) throw invalid(value, "no database name after the host");
    Optional<String> user = Optional.empty();
    Optional<String> password = Optional.empty();
    String userInfo = uri.getRawUserInfo();
    if (userInfo != null && !userInfo.isEmpty()) {
      int colon = userInfo.indexOf(':');
      user = Optional.of(decode(colon < 0 ? userInfo : userInfo.substring(0, colon)));
      if (colon >= 0) password = Optional.of(decode(userInfo.substring(colon + 1)));
    }
    StringBuilder jdbc = new StringBuilder("jdbc:postgresql://").append(uri.getHost().contains(":") && !uri.getHost().startsWith("[")
        ? "[" + uri.getHost() + "]" : uri.getHost());
    if (uri.getPort() >= 0) jdbc.append(':').append(uri.getPort());
    jdbc.append(path);
    if (uri.getRawQuery() != null) jdbc.append('?').append(uri.getRawQuery());
    return new PostgresUrl(jdbc.toString(), user, password);
  }

  private static String decode(String part) {
    return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  private static IllegalArgumentException invalid(String value, String problem) {
    return new IllegalArgumentException("not a PostgreSQL URL: \"" + masked(value) + "\" (" + problem + ")");
  }

  /** {@return {@code url} with the password of a libpq URI or a {@code password=} parameter replaced by ***} */
  static String masked(String url) {
    return url.replaceAll("(://[^:/@?]*:)[^@/?]*@", "$1***@").replaceAll("(?i)(password=)[^&]*", "$1***");
  }

  /** {@return the JDBC URL without credentials} */
  @Override
  public String toString() {
    return masked(jdbcUrl) + user.map(u -> " (user " + u + ")").orElse("");
  }
}
