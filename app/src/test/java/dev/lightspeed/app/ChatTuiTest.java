package dev.lightspeed.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lightspeed.testkit.provider.ResponsesScript;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The interactive chat in a real pseudo-terminal (tmux), as its own process talking to a gateway over HTTP:
 * a message streams, a second one typed meanwhile (on two lines, with Alt+Enter) is queued, {@code /steer}
 * reaches the running run, Ctrl-C stops a run mid-stream, Ctrl-D leaves.
 */
class ChatTuiTest {
  @TempDir static Path home;
  @TempDir static Path clientHome;
  static TestGateway gateway;

  @BeforeAll
  static void start() {
    assumeTrue(Tmux.available(), "tmux is not installed (.ci/run installs it)");
    gateway = new TestGateway(home);
  }

  @AfterAll
  static void stop() {
    if (gateway != null) gateway.close();
  }

  @Test
  void queueSteerAndStopWorkWhileARunStreams() {
    String[] slow = IntStream.rangeClosed(1, 24).mapToObj(i -> "word" + i + (i % 8 == 0 ? "\n" : " ")).toArray(String[]::new);
    gateway.provider.enqueue(ResponsesScript.create().text(slow).text("END-ONE").streaming().delayBetweenEvents(Duration.ofMillis(150)));
    gateway.provider.enqueue(ResponsesScript.create().text("**Brief** now, as steered.").streaming());
    gateway.provider.enqueue(ResponsesScript.create().text("answer ", "two").streaming());
    gateway.provider.enqueue(ResponsesScript.create().text("partial ", "three ", "never", " finished").streaming().hangAfterEvents(6));

    try (Tmux tmux = Tmux.start(120, 40, LightspeedProcess.command(clientHome, "chat", "--api-url", gateway.url().toString(), "--new"))) {
      tmux.await("Ctrl-D leaves");
      tmux.await("gpt-fake · session ");

      tmux.type("first question");
      tmux.await("word3");
      tmux.type("/steer be brief");
      tmux.await("steering accepted by run 1");
      tmux.typeWithoutEnter("second");
      tmux.send("M-Enter");
      tmux.type("question");
      tmux.await("queued as run 2; it starts when run 1 ends");
      String screen = tmux.await("answer two");
      assertThat(screen).contains("END-ONE", "Brief now, as steered.", "▶ run 2: second question");
      assertThat(screen.indexOf("END-ONE")).isLessThan(screen.indexOf("Brief now")).isLessThan(screen.indexOf("answer two"));
      assertThat(screen).doesNotContain("**Brief**");
      assertThat(gateway.provider.requests().get(1).bodyText()).contains("be brief");
      assertThat(gateway.provider.requests().get(2).bodyText()).contains("second\\nquestion");

      tmux.type("third question");
      tmux.await("partial three");
      tmux.send("C-c");
      screen = tmux.await("run 3 cancelled");
      assertThat(screen).contains("stopping run 3", "(Ctrl-C again to leave)").doesNotContain("never finished");
      tmux.await("the status bar", s -> s.lines().anyMatch(l -> l.contains("gpt-fake · session ") && l.contains("tokens")), Duration.ofSeconds(5));

      tmux.send("C-d");
      screen = tmux.await("resume this session with: lightspeed chat --session ");
      assertThat(screen).doesNotContain("Exception");
    }
  }
}
