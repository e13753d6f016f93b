package dev.lightspeed.bench;

import dev.lightspeed.runtime.temporal.EmbeddedTemporal;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Temporal's in-process test server in a child JVM, so a benchmark can weigh a worker's heap without the
 * server's histories in it. As a program it starts the server on a free port, prints {@code ready <port>},
 * answers each {@code heap} line on stdin with {@code heap <bytes used after GC>}, and exits when stdin
 * closes.
 */
public final class TemporalServerProcess implements AutoCloseable {
  private final Process process;
  private final BufferedReader out;
  private final PrintWriter in;
  private final int port;

  private TemporalServerProcess(Process process, BufferedReader out, PrintWriter in, int port) {
    this.process = process;
    this.out = out;
    this.in = in;
    this.port = port;
  }

  public static void main(String[] args) throws IOException {
    try (EmbeddedTemporal temporal = EmbeddedTemporal.start("127.0.0.1", 0)) {
      System.out.println("ready " + temporal.port());
      System.out.flush();
      BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      for (String line = commands.readLine(); line != null; line = commands.readLine()) {
        if (line.equals("heap")) System.out.println("heap " + HeapGauge.usedAfterGc());
        System.out.flush();
      }
    }
  }

  /** Starts the child JVM (same class path as this one) and waits until its server listens. */
  static TemporalServerProcess start() {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx1g", "--enable-native-access=ALL-UNNAMED",
        "-cp", System.getProperty("java.class.path"), TemporalServerProcess.class.getName()))
        .redirectError(ProcessBuilder.Redirect.INHERIT);
    try {
      Process process = builder.start();
      BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      PrintWriter in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
      String ready = out.readLine();
      if (ready == null || !ready.startsWith("ready ")) {
        process.destroyForcibly();
        throw new IllegalStateException("the Temporal server process did not start: " + ready);
      }
      return new TemporalServerProcess(process, out, in, Integer.parseInt(ready.substring("ready ".length())));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the Temporal server process", e);
    }
  }

  int port() {
    return port;
  }

  /** {@return the server process's heap in use after GC, in bytes} */
  long heapUsedAfterGc() {
    in.println("heap");
    try {
      String answer = out.readLine();
      if (answer == null || !answer.startsWith("heap ")) throw new IllegalStateException("unexpected answer from the server process: " + answer);
      return Long.parseLong(answer.substring("heap ".length()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read from the Temporal server process", e);
    }
  }

  @Override
  public void close() {
    in.close();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
