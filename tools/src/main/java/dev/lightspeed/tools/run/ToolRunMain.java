package dev.lightspeed.tools.run;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A plain entry point for running one tool on a directory without the application jar:
 * {@code ToolRunMain NAME --root DIR (--args JSON | --args-file FILE | --patch-file FILE)}. It prints the
 * model-visible output and exits 0 on success, 1 when the tool reports an error and 2 on a usage error.
 * {@code --patch-file} is short for apply_patch arguments {@code {"input": <the file's text>}}.
 */
public final class ToolRunMain {
  private ToolRunMain() {}

  public static void main(String[] args) {
    System.exit(run(List.of(args), System.out, System.err));
  }

  static int run(List<String> args, PrintStream out, PrintStream err) {
    String tool = null;
    Path root = null;
    String arguments = null;
    try {
      for (int i = 0; i < args.size(); i++) {
        String arg = args.get(i);
        switch (arg) {
          case "--root" -> root = Path.of(value(args, ++i, arg));
          case "--args" -> arguments = value(args, ++i, arg);
          case "--args-file" -> arguments = Files.readString(Path.of(value(args, ++i, arg)), StandardCharsets.UTF_8);
          case "--patch-file" -> arguments = PatchArguments.of(Files.readString(Path.of(value(args, ++i, arg)), StandardCharsets.UTF_8));
          default -> {
            if (arg.startsWith("--") || tool != null) throw new IllegalArgumentException("unexpected argument: " + arg);
            tool = arg;
          }
        }
      }
      if (tool == null || root == null || arguments == null) {
        throw new IllegalArgumentException("usage: ToolRunMain NAME --root DIR (--args JSON | --args-file FILE | --patch-file FILE)");
      }
      LocalToolRun.Outcome outcome = LocalToolRun.run(tool, root, arguments);
      out.println(outcome.output());
      return outcome.error() ? 1 : 0;
    } catch (IllegalArgumentException | IOException e) {
      err.println(e.getMessage());
      return 2;
    }
  }

  private static String value(List<String> args, int i, String option) {
    if (i >= args.size()) throw new IllegalArgumentException(option + " needs a value");
    return args.get(i);
  }
}
