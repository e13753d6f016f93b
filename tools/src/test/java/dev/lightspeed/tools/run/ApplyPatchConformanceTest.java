package dev.lightspeed.tools.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Runs the shared apply_patch conformance suite ({@code shared/conformance/apply-patch/run.sh}, found in an
 * ancestor of the working directory) against {@link ToolRunMain} on this module's test class path. The
 * scenarios are read where they live, never copied. A missing suite fails the test: CI must have it.
 */
class ApplyPatchConformanceTest {
  private static final Path SUITE = Path.of("shared", "conformance", "apply-patch", "run.sh");
  private static final Pattern SUMMARY = Pattern.compile("(?m)^(\\d+) passed, (\\d+) failed$");

  @Test
  void everyScenarioOfTheSharedSuitePasses() throws IOException, InterruptedException {
    Path runSh = findSuite();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String template = quote(java) + " -XX:TieredStopAtLevel=1 -cp " + quote(System.getProperty("java.class.path"))
        + " " + ToolRunMain.class.getName() + " apply_patch --root {dir} --patch-file {patch}";
    Process process = new ProcessBuilder("bash", runSh.toString(), template).redirectErrorStream(true).start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(10, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      fail("run.sh did not finish in 10 minutes; output so far:\n" + output);
    }

    Matcher summary = SUMMARY.matcher(output);
    assertThat(summary.find()).as("run.sh printed no summary:\n%s", output).isTrue();
    assertThat(Integer.parseInt(summary.group(2))).as("failed scenarios:\n%s", output).isZero();
    assertThat(Integer.parseInt(summary.group(1))).as("passed scenarios").isGreaterThanOrEqualTo(23);
    assertThat(process.exitValue()).as(output).isZero();
  }

  private static Path findSuite() {
    Path start = Path.of("").toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(SUITE);
      if (Files.isRegularFile(candidate)) return candidate;
    }
    return fail("the apply_patch conformance suite is missing: no " + SUITE + " in " + start + " or any directory above it;"
        + " the shared folder (../shared next to the repository) must be present to run the tests");
  }

  private static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }
}
