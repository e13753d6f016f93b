package dev.lightspeed.app;

import dev.lightspeed.tools.run.LocalToolRun;
import dev.lightspeed.tools.run.PatchArguments;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lightspeed tool run NAME --root DIR (--args JSON | --args-file FILE | --patch-file FILE)}: runs one
 * built-in file tool against a local directory and prints exactly what a model would see, for debugging and
 * for conformance suites. Exit code 0 when the tool succeeds, 1 when it reports an error, 2 on a usage error.
 */
@Command(
    name = "tool",
    mixinStandardHelpOptions = true,
    description = "Runs a built-in tool outside a session.",
    subcommands = {ToolCommand.Run.class})
final class ToolCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Specify a subcommand (run)");
  }

  /** {@code tool run}: one call of one tool on a directory. */
  @Command(
      name = "run",
      mixinStandardHelpOptions = true,
      description = {
          "Runs one file tool on a directory, which the tool sees as /, and prints what a model would see.",
          "Tools: read_file, write_file, edit_file, apply_patch, glob, grep, list_dir (Codex-style);",
          "Read, Write, Edit, Glob, Grep, LS (Claude-style).",
          "Exit code: 0 on success, 1 when the tool reports an error, 2 on a usage error."})
  static final class Run implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "the tool to run")
    String name;

    @Option(names = "--root", required = true, paramLabel = "DIR", description = "the directory the tool works in")
    Path root;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Arguments arguments;

    static final class Arguments {
      @Option(names = "--args", paramLabel = "JSON", description = "the call's arguments as a JSON object")
      String json;

      @Option(names = "--args-file", paramLabel = "FILE", description = "a file holding the call's arguments as a JSON object")
      Path jsonFile;

      @Option(names = "--patch-file", paramLabel = "FILE", description = "for apply_patch: a file holding the patch text")
      Path patchFile;
    }

    @Override
    public Integer call() {
      String json;
      try {
        if (arguments.json != null) json = arguments.json;
        else if (arguments.jsonFile != null) json = Files.readString(arguments.jsonFile, StandardCharsets.UTF_8);
        else json = PatchArguments.of(Files.readString(arguments.patchFile, StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new ParameterException(spec.commandLine(), "cannot read " + e.getMessage());
      }
      LocalToolRun.Outcome outcome;
      try {
        outcome = LocalToolRun.run(name, root, json);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage());
      }
      spec.commandLine().getOut().println(outcome.output());
      spec.commandLine().getOut().flush();
      return outcome.error() ? 1 : 0;
    }
  }
}
