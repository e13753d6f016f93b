package dev.lightspeed.testkit.mcp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The reference MCP server {@code @modelcontextprotocol/server-everything}, run from npm with {@code npx}: as a
 * command for stdio clients ({@link #STDIO_COMMAND}), or started here in Streamable HTTP mode on a free port
 * ({@link #startHttp}). npm caches the package after the first download (which can take a while), so later
 * starts take a second or two. Tests call {@link #assumeNpx} first: without npx they are skipped, not failed.
 */
public final class EverythingServer implements AutoCloseable {
  /** The package, pinned so a new release cannot change the tools the tests expect. */
  public static final String PACKAGE = "@modelcontextprotocol/server-everything@2026.8.31";
  /** The argv of the server in stdio mode. */
  public static final List<String> STDIO_COMMAND = List.of("npx", "-y", PACKAGE);
  private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

  private final Process process;
  private final int port;

  private EverythingServer(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Skips the calling test when {@code npx} is not on the PATH. */
  public static void assumeNpx() {
    boolean found = false;
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "npx"))) found = true;
    }
    Assumptions.assumeTrue(found, "npx is not on the PATH; the MCP tests need Node.js to run the reference server");
  }

  /**
   * {@return the server in Streamable HTTP mode, listening on a free loopback port once this returns}
   *
   * @throws IllegalStateException when it does not listen within three minutes (the first npm download included)
   */
  public static EverythingServer startHttp() {
    int port = freePort();
    List<String> command = new ArrayList<>(STDIO_COMMAND);
    command.add("streamableHttp");
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
    builder.environment().put("PORT", Integer.toString(port));
    builder.environment().put("npm_config_update_notifier", "false");
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + command, e);
    }
    EverythingServer server = new EverythingServer(process, port);
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (!server.listening()) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        server.close();
        throw new IllegalStateException("the everything server did not listen on port " + port + " (exit: "
            + (process.isAlive() ? "still running" : process.exitValue()) + ")");
      }
      sleep(100);
    }
    return server;
  }

  /** {@return the Streamable HTTP endpoint, {@code http://127.0.0.1:<port>/mcp}} */
  public URI url() {
    return URI.create("http://127.0.0.1:" + port + "/mcp");
  }

  public int port() {
    return port;
  }

  /** {@return whether the port accepts connections} */
  public boolean listening() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Stops the server (npx and the node process it started) and waits until the port is closed. */
  @Override
  public void close() {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (int i = 0; i < 50 && listening(); i++) sleep(100);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the everything server", e);
    }
  }
}
