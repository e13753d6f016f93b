package dev.lightspeed.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lightspeed.api.session.SessionStartParams;
import dev.lightspeed.api.session.SessionStartResponse;
import dev.lightspeed.testkit.provider.FakeResponse;
import dev.lightspeed.testkit.provider.ResponsesScript;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chat's slash commands in a real pseudo-terminal (tmux) against a gateway of their own (so no other
 * test's run takes the scripted answers): {@code /model} shows and changes the model, {@code /mount} uploads
 * a directory and makes it the working directory, {@code /compact} compacts, {@code /session} switches.
 */
class ChatSlashCommandsTest {
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
  void slashCommandsShowAndChangeTheModelMountADirectoryCompactAndSwitchSessions() throws IOException {
    Path project = clientHome.resolve("project");
    Files.createDirectories(project);
    Files.writeString(project.resolve("notes.txt"), "remember the milk\n");
    String other = gateway.client().call(new SessionStartParams(null, "the other one", null, null), SessionStartResponse.class).session().id();
    gateway.provider.enqueue("/v1/models", FakeResponse.json("{\"object\":\"list\",\"data\":[{\"id\":\"gpt-other\",\"object\":\"model\"}]}"));
    gateway.provider.enqueue("/v1/responses/compact", ResponsesScript.create().compaction("summary-1").compactJson());

    try (Tmux tmux = Tmux.start(120, 40, LightspeedProcess.command(clientHome, "chat", "--api-url", gateway.url().toString(), "--new"))) {
      tmux.await("gpt-fake · session ");
      tmux.type("/model");
      tmux.await("model: gpt-fake (openai, openai:responses) (/model NAME changes it)");
      tmux.await("  gpt-other  (openai, openai:responses)");
      tmux.type("/model gpt-other");
      tmux.await("model: gpt-other (openai, openai:responses)");
      tmux.type("/mount " + project);
      String screen = tmux.await("is linked at /workspace, the working directory");
      assertThat(screen).contains("snapshot of " + project + ": 1 file, 18 B; uploaded 1 new blob (18 B)");

      gateway.provider.enqueue(ResponsesScript.create().text("hello from the other model").streaming());
      tmux.type("hi");
      tmux.await("hello from the other model");
      String request = gateway.provider.requests().stream().map(r -> r.bodyText()).filter(b -> b.contains("\"hi\""))
          .reduce((a, b) -> b).orElseThrow();
      assertThat(request).contains("\"model\":\"gpt-other\"", "edit_file", "/workspace");

      tmux.type("/compact");
      tmux.await("compaction requested");
      tmux.await("context compacted");

      tmux.type("/session " + other);
      tmux.await("session " + other + " (the other one)");
      tmux.send("C-d");
      tmux.await("resume this session with: lightspeed chat --session " + other);
    }
  }
}
