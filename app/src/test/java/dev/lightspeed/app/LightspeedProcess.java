package dev.lightspeed.app;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command line that runs {@code lightspeed ARGS} as its own process, from this module's test class path. */
final class LightspeedProcess {
  private LightspeedProcess() {}

  /** {@return the command, with {@code home} as LIGHTSPEED_HOME and LIGHTSPEED_API_URL cleared} */
  static List<String> command(Path home, String... args) {
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> command = new ArrayList<>(List.of("env", "LIGHTSPEED_HOME=" + home, "LIGHTSPEED_API_URL=",
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "--enable-native-access=ALL-UNNAMED", "-cp",
        classPath.replace(File.pathSeparator, ":"), Lightspeed.class.getName()));
    command.addAll(List.of(args));
    return command;
  }
}
