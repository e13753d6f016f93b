package dev.lightspeed.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Writes the text of one generated source file: lines in the shape of its language (declarations, calls,
 * conditionals, comments, prose for Markdown, key-value lines for JSON) from a small vocabulary, up to a
 * target size, with the grep benchmark's planted lines at random places.
 *
 * <p>The vocabulary keeps near misses of the planted patterns common, so a search engine meets many
 * candidates it has to reject: method names like {@code fetchUser(} and {@code loadOrderAsync(} appear
 * everywhere, but {@code fetch} is never followed by the {@code Async} suffix except in planted lines, and the
 * words of {@link SourceTree#LITERAL} appear only there.
 */
final class SourceText {
  /** The language a file is written in, by its extension. */
  enum Language {
    JAVA("java"),
    TYPESCRIPT("ts"),
    PYTHON("py"),
    GO("go"),
    MARKDOWN("md"),
    JSON("json");

    final String extension;

    Language(String extension) {
      this.extension = extension;
    }

    boolean isCode() {
      return this != MARKDOWN && this != JSON;
    }
  }

  static final String[] VERBS = {
    "get", "set", "load", "fetch", "build", "parse", "render", "update", "create", "delete", "find", "handle",
    "resolve", "apply", "merge", "compute", "read", "write", "open", "close", "run", "send", "start", "stop",
    "validate", "encode", "decode", "flush", "retry", "schedule"};
  static final String[] NOUNS = {
    "User", "Order", "Config", "Session", "Request", "Response", "Account", "Invoice", "Cache", "Token", "Index",
    "Node", "Event", "Stream", "Buffer", "Record", "Queue", "Job", "Route", "Schema", "Shard", "Batch", "Page",
    "Item", "Report", "Client", "Server", "Payload", "Metric", "Policy", "Tenant", "Quota"};
  static final String[] SUFFIXES = {"", "", "", "Async", "Handler", "Impl", "Ids", "List", "Map", "Count", "Id", "Future"};
  static final String[] WORDS = {
    "the", "a", "of", "to", "and", "in", "is", "for", "when", "this", "that", "with", "not", "on", "by", "returns",
    "value", "request", "cache", "order", "user", "before", "after", "fetch", "retry", "timeout", "shard", "batch",
    "queue", "error", "empty", "null", "index", "stream", "token", "session", "limit", "default", "config", "note",
    "state", "lock", "read", "write", "async", "handler", "page", "client", "server", "metric", "policy"};

  private final Random rnd;

  SourceText(Random rnd) {
    this.rnd = rnd;
  }

  /**
   * {@return the text of a file of {@code language} of about {@code size} bytes (at least that, ending at a
   * line break), with {@code literalLines} lines holding the literal and {@code regexLines} lines matching the
   * regex}
   */
  String file(Language language, int size, int literalLines, int regexLines) {
    List<String> lines = new ArrayList<>();
    int bytes = 0;
    while (bytes < size) {
      String line = line(language);
      lines.add(line);
      bytes += line.length() + 1;
    }
    for (int i = 0; i < literalLines; i++) lines.add(rnd.nextInt(lines.size() + 1), literalLine(language));
    for (int i = 0; i < regexLines; i++) lines.add(rnd.nextInt(lines.size() + 1), regexLine(language));
    StringBuilder out = new StringBuilder(bytes + 128 * (literalLines + regexLines));
    for (String line : lines) out.append(line).append('\n');
    return out.toString();
  }

  private String line(Language language) {
    return switch (language) {
      case JAVA, TYPESCRIPT, GO -> cLike(language);
      case PYTHON -> python();
      case MARKDOWN -> markdown();
      case JSON -> "  \"" + lowerFirst(pick(NOUNS)) + pick(NOUNS) + "\": \"" + words(2, 8) + "\",";
    };
  }

  private String cLike(Language language) {
    String indent = "    ".repeat(1 + rnd.nextInt(4));
    String decl = switch (language) {
      case JAVA -> "final var ";
      case TYPESCRIPT -> "const ";
      default -> "";
    };
    String assign = language == Language.GO ? " := " : " = ";
    return switch (rnd.nextInt(12)) {
      case 0 -> "";
      case 1, 2 -> indent + "// " + words(4, 14);
      case 3 -> indent + "if (" + variable() + " != null && " + variable() + ".isEmpty()) {";
      case 4 -> indent + "}";
      case 5 -> indent + "return " + call() + ";";
      case 6, 7 -> indent + decl + variable() + assign + call() + ";";
      case 8 -> indent + call() + ";";
      case 9 -> indent + "for (" + decl + variable() + " : " + variable() + ") {";
      case 10 -> indent + "throw new " + pick(NOUNS) + "Exception(\"" + words(3, 9) + "\");";
      default -> indent + variable() + "." + method() + "(" + variable() + ", " + rnd.nextInt(10_000) + ");";
    };
  }

  private String python() {
    String indent = "    ".repeat(rnd.nextInt(4));
    return switch (rnd.nextInt(10)) {
      case 0 -> "";
      case 1, 2 -> indent + "# " + words(4, 14);
      case 3 -> indent + "def " + snake() + "(self, " + snake() + ", " + snake() + "):";
      case 4 -> indent + "if " + snake() + " is None:";
      case 5 -> indent + "return self." + snake() + "(" + snake() + ")";
      case 6 -> indent + "raise " + pick(NOUNS) + "Error(\"" + words(3, 9) + "\")";
      default -> indent + snake() + " = self." + snake() + "(" + snake() + ", " + rnd.nextInt(10_000) + ")";
    };
  }

  private String markdown() {
    return switch (rnd.nextInt(8)) {
      case 0 -> "";
      case 1 -> "## " + upperFirst(words(2, 6));
      case 2 -> "- " + words(5, 16) + ".";
      case 3 -> "`" + method() + "()` " + words(4, 12) + ".";
      default -> upperFirst(words(8, 24)) + ".";
    };
  }

  private String literalLine(Language language) {
    return language == Language.PYTHON
        ? "        self.ledger." + SourceTree.LITERAL + "(ctx, shard_ids)"
        : "        ledger." + SourceTree.LITERAL + "(ctx, shardIds);";
  }

  private String regexLine(Language language) {
    String call = "client.fetch" + pick(NOUNS) + "Async(request)";
    return language == Language.PYTHON ? "        reply = await " + call : "        reply = await " + call + ";";
  }

  private String call() {
    return variable() + "." + method() + "(" + variable() + ")";
  }

  /** {@return a method name, verb + noun + suffix; never fetch…Async} */
  private String method() {
    String verb = pick(VERBS);
    String suffix = pick(SUFFIXES);
    if (verb.equals("fetch") && suffix.equals("Async")) suffix = "";
    return verb + pick(NOUNS) + suffix;
  }

  private String variable() {
    String suffix = pick(SUFFIXES);
    return lowerFirst(pick(NOUNS)) + (suffix.equals("Async") ? "" : suffix);
  }

  private String snake() {
    return pick(VERBS) + "_" + pick(NOUNS).toLowerCase(Locale.ROOT);
  }

  private String words(int min, int max) {
    int n = min + rnd.nextInt(max - min + 1);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < n; i++) {
      if (i > 0) out.append(' ');
      out.append(pick(WORDS));
    }
    return out.toString();
  }

  private String pick(String[] from) {
    return from[rnd.nextInt(from.length)];
  }

  private static String lowerFirst(String s) {
    return Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }

  private static String upperFirst(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
