package dev.lightspeed.cli.mcp;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Opens a URL in the user's browser on a best-effort basis: the command in {@code BROWSER} when set, else the
 * platform's opener ({@code open}, {@code xdg-open}, {@code rundll32}). Failing is fine: the URL was printed.
 */
final class Browser {
  private Browser() {}

  static void open(String url, Map<String, String> env) {
    List<String> command = new ArrayList<>();
    String configured = env.get("BROWSER");
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    if (configured != null && !configured.isBlank()) {
      command.addAll(List.of(configured.trim().split("\\s+")));
    } else if (os.contains("mac")) {
      command.add("open");
    } else if (os.contains("win")) {
      command.addAll(List.of("rundll32", "url.dll,FileProtocolHandler"));
    } else {
      command.add("xdg-open");
    }
    command.add(url);
    try {
      new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    } catch (IOException | RuntimeException e) {
      // no opener here (a server, a container): the printed URL is the way
    }
  }
}
