package dev.lightspeed.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A pseudo-terminal for driving the chat UI as a person would: a detached tmux session on a private server
 * socket, keys sent with {@code send-keys}, the screen (with its scrollback) read with {@code capture-pane}.
 */
final class Tmux implements AutoCloseable {
  private final String socket;
  private final String target;

  private Tmux(String socket, String target) {
    this.socket = socket;
    this.target = target;
  }

  /** {@return whether tmux is installed} (CI installs it: .ci/run) */
  static boolean available() {
    try {
      return new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start().waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Starts {@code command} in a new {@code width}×{@code height} terminal. */
  static Tmux start(int width, int height, List<String> command) {
    String socket = "lightspeed-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
    Tmux tmux = new Tmux(socket, "chat");
    List<String> args = new ArrayList<>(List.of("new-session", "-d", "-s", "chat", "-x", Integer.toString(width), "-y", Integer.toString(height)));
    args.add(String.join(" ", command.stream().map(Tmux::quote).toList()) + "; sleep 60");
    tmux.tmux(args);
    return tmux;
  }

  /** Types {@code keys} (tmux key names such as {@code Enter}, {@code C-c}, {@code M-Enter}, or literal text). */
  void send(String... keys) {
    List<String> args = new ArrayList<>(List.of("send-keys", "-t", target));
    args.addAll(List.of(keys));
    tmux(args);
  }

  /** Types {@code text} literally, then Enter. */
  void type(String text) {
    typeWithoutEnter(text);
    send("Enter");
  }

  /** Types {@code text} literally. */
  void typeWithoutEnter(String text) {
    tmux(List.of("send-keys", "-t", target, "-l", text));
  }

  /** {@return the whole screen, scrollback included, one string} */
  String screen() {
    return tmux(List.of("capture-pane", "-p", "-J", "-S", "-", "-t", target));
  }

  /** Waits until the screen satisfies {@code condition}; {@return the screen} */
  String await(String what, Predicate<String> condition, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    String screen = screen();
    while (!condition.test(screen)) {
      if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for " + what + "; the screen:\n" + screen);
      sleep(100);
      screen = screen();
    }
    return screen;
  }

  /** Waits until the screen shows {@code text}. */
  String await(String text) {
    return await("\"" + text + "\"", s -> s.contains(text), Duration.ofSeconds(20));
  }

  @Override
  public void close() {
    tmux(List.of("kill-server"));
  }

  private String tmux(List<String> args) {
    List<String> command = new ArrayList<>(List.of("tmux", "-L", socket));
    command.addAll(args);
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(10, TimeUnit.SECONDS)) throw new AssertionError("tmux did not answer: " + command);
      if (process.exitValue() != 0 && !args.getFirst().equals("kill-server")) {
        throw new AssertionError("tmux " + args + " failed: " + output);
      }
      return output;
    } catch (IOException e) {
      throw new AssertionError("cannot run tmux", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  private static String quote(String word) {
    return "'" + word.replace("'", "'\\''") + "'";
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
