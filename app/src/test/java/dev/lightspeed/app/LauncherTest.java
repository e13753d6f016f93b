package dev.lightspeed.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./lightspeed} launcher at the repository root, run in a copy of the checkout whose {@code mvnw}
 * is a stand-in that records its call and drops a small runnable jar where the real build puts
 * {@code lightspeed.jar}: it builds on first use and when a source is newer than the jar, says so, picks a
 * JDK 21 or newer even when JAVA_HOME names an older one, and passes the arguments on.
 */
class LauncherTest {
  private static final Path LAUNCHER = Path.of("..", "lightspeed");
  private static final Path JDK_17 = Path.of("/usr/lib/jvm/java-17-openjdk-amd64");

  @TempDir Path root;
  private Path fakeJar;

  @BeforeEach
  void checkout() throws Exception {
    Files.copy(LAUNCHER, root.resolve("lightspeed"));
    Files.setPosixFilePermissions(root.resolve("lightspeed"), PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.createDirectories(root.resolve("app/src/main/java/x"));
    Files.writeString(root.resolve("app/src/main/java/x/Source.java"), "class Source {}");
    Files.writeString(root.resolve("pom.xml"), "<project/>");
    Files.setLastModifiedTime(root.resolve("pom.xml"), FileTime.from(Instant.now().minusSeconds(3_600)));
    Files.setLastModifiedTime(root.resolve("app/src/main/java/x/Source.java"), FileTime.from(Instant.now().minusSeconds(3_600)));
    fakeJar = helloJar(root.resolve("hello"));
    Files.writeString(root.resolve("mvnw"), """
        #!/usr/bin/env bash
        echo "$* JAVA_HOME=$JAVA_HOME" >> "%s"
        mkdir -p app/target && cp "%s" app/target/lightspeed.jar
        """.formatted(root.resolve("mvnw.calls"), fakeJar));
    Files.setPosixFilePermissions(root.resolve("mvnw"), PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  @Test
  void theFirstRunBuildsTheJarWithAJdk21OrNewerAndSaysSo() throws Exception {
    Run first = launch("server", "worker");

    assertThat(first.exitCode).as(first.err).isZero();
    assertThat(first.err).contains("lightspeed: building " + root.resolve("app/target/lightspeed.jar") + " (first run");
    assertThat(Files.readAllLines(root.resolve("mvnw.calls"))).singleElement().asString()
        .startsWith("-B -q -DskipTests package -pl app -am JAVA_HOME=").doesNotContain(JDK_17.toString());
    assertThat(first.out).startsWith("hello server worker on java ");
    assertThat(Integer.parseInt(first.out.trim().replaceAll(".* on java ", ""))).isGreaterThanOrEqualTo(21);
  }

  @Test
  void anUpToDateJarIsRunAsItIsAndAChangedSourceRebuildsIt() throws Exception {
    launch("--help");
    Run again = launch("--help");
    assertThat(again.err).doesNotContain("building");
    assertThat(Files.readAllLines(root.resolve("mvnw.calls"))).hasSize(1);

    Path source = root.resolve("app/src/main/java/x/Source.java");
    Files.writeString(source, "class Source { int changed; }");
    Files.setLastModifiedTime(source, FileTime.from(Instant.now().plusSeconds(5)));
    Run changed = launch("--help");

    assertThat(changed.err).contains("lightspeed: rebuilding").contains("Source.java changed");
    assertThat(Files.readAllLines(root.resolve("mvnw.calls"))).hasSize(2);
    assertThat(changed.out).startsWith("hello --help");
  }

  private record Run(int exitCode, String out, String err) {}

  private Run launch(String... args) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(concat(root.resolve("lightspeed").toString(), args)).directory(root.toFile());
    // An older JDK first in line must be passed over.
    if (Files.isExecutable(JDK_17.resolve("bin/java"))) builder.environment().put("JAVA_HOME", JDK_17.toString());
    else builder.environment().remove("JAVA_HOME");
    Path out = Files.createTempFile(root, "out", ".txt");
    Path err = Files.createTempFile(root, "err", ".txt");
    Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
  }

  private static List<String> concat(String first, String... rest) {
    return Stream.concat(Stream.of(first), Stream.of(rest)).toList();
  }

  /** {@return a runnable jar whose main prints "hello ARGS on java N"} */
  private static Path helloJar(Path dir) throws IOException {
    Path src = dir.resolve("src/Hello.java");
    Path classes = dir.resolve("classes");
    Files.createDirectories(src.getParent());
    Files.createDirectories(classes);
    Files.writeString(src, """
        public class Hello {
          public static void main(String[] args) {
            System.out.println("hello " + String.join(" ", args) + " on java " + System.getProperty("java.specification.version"));
          }
        }
        """);
    int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, "--release", "17", "-d", classes.toString(), src.toString());
    assertThat(rc).isZero();
    Path jar = dir.resolve("hello.jar");
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "Hello");
    try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
      out.putNextEntry(new JarEntry("Hello.class"));
      out.write(Files.readAllBytes(classes.resolve("Hello.class")));
      out.closeEntry();
    }
    return jar;
  }
}
