package dev.lightspeed.tools.file;

import dev.lightspeed.tools.search.GlobPattern;
import java.util.Map;
import java.util.TreeMap;

/** The file types grep's {@code type} narrows to, each a glob over file names, named as ripgrep names them. */
final class FileTypes {
  private static final Map<String, String> GLOBS = new TreeMap<>(Map.ofEntries(
      Map.entry("c", "*.{c,h}"),
      Map.entry("cpp", "*.{cc,cpp,cxx,hh,hpp,hxx,h}"),
      Map.entry("cs", "*.cs"),
      Map.entry("css", "*.{css,scss,sass,less}"),
      Map.entry("go", "*.go"),
      Map.entry("html", "*.{html,htm}"),
      Map.entry("java", "*.java"),
      Map.entry("js", "*.{js,jsx,mjs,cjs}"),
      Map.entry("json", "*.json"),
      Map.entry("kotlin", "*.{kt,kts}"),
      Map.entry("md", "*.{md,markdown}"),
      Map.entry("php", "*.php"),
      Map.entry("py", "*.{py,pyi}"),
      Map.entry("rb", "*.rb"),
      Map.entry("rust", "*.rs"),
      Map.entry("scala", "*.{scala,sc}"),
      Map.entry("sh", "*.{sh,bash,zsh}"),
      Map.entry("sql", "*.sql"),
      Map.entry("swift", "*.swift"),
      Map.entry("toml", "*.toml"),
      Map.entry("ts", "*.{ts,tsx,mts,cts}"),
      Map.entry("xml", "*.xml"),
      Map.entry("yaml", "*.{yaml,yml}")));

  private FileTypes() {}

  /** {@return the glob for {@code type}} @throws IllegalArgumentException naming the known types otherwise */
  static GlobPattern glob(String type) {
    String glob = GLOBS.get(type);
    if (glob == null) {
      throw new IllegalArgumentException("unknown file type \"" + type + "\"; known types: " + String.join(", ", GLOBS.keySet())
          + " (or use a glob instead)");
    }
    return GlobPattern.compile(glob);
  }
}
