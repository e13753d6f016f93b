package dev.lightspeed.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lightspeed.api.ApiJson;
import dev.lightspeed.api.run.RunCancelParams;
import dev.lightspeed.api.run.RunCancelResponse;
import dev.lightspeed.cli.ClientContext;
import dev.lightspeed.server.ServerConfig;
import dev.lightspeed.testkit.provider.ResponsesScript;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The client commands against a running gateway named with {@code --api-url} (the split deployment): a run
 * cancelled by someone else, the sessions and events commands, and what the user sees when the gateway
 * refuses a call or is not there.
 */
class GatewayCommandsTest {
  @TempDir static Path home;
  @TempDir static Path clientHome;
  static TestGateway gateway;
  static Map<String, String> clientEnv;

  @BeforeAll
  static void start() {
    gateway = new TestGateway(home);
    clientEnv = Map.of(ServerConfig.HOME, clientHome.toString());
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  static CliRun.Result run(String... args) {
    return CliRun.run(clientEnv, withUrl(args));
  }

  static String[] withUrl(String... args) {
    return withUrlOf(gateway, args);
  }

  /** {@return {@code args} followed by {@code --api-url} naming {@code server}} */
  static String[] withUrlOf(TestGateway server, String... args) {
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--api-url";
    all[args.length + 1] = server.url().toString();
    return all;
  }

  static String sessionOf(CliRun.Result result) {
    Matcher matcher = Pattern.compile("lightspeed: session (\\S+) ").matcher(result.err());
    assertThat(matcher.find()).as(result.err()).isTrue();
    return matcher.group(1);
  }

  @Test
  void aRunCancelledWhileItStreamsExitsThreeAndSaysSo() {
    gateway.provider.enqueue(ResponsesScript.create().text("partial ", "answer ", "never", " ends").streaming().hangAfterEvents(6));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CompletableFuture<CliRun.Result> chat = new CompletableFuture<>();
    Thread.ofPlatform().start(() -> chat.complete(CliRun.run(clientEnv, out, err, withUrl("chat", "--new", "take", "your", "time"))));

    awaitText(out, "partial answer", err);
    String session = sessionOf(new CliRun.Result(-1, "", err.toString()));
    gateway.client().call(new RunCancelParams(session, "1"), RunCancelResponse.class);

    CliRun.Result result = chat.join();
    assertThat(result.exitCode()).as(result.err()).isEqualTo(3);
    assertThat(result.out()).isEqualTo("partial answer \n");
    assertThat(result.err()).contains("lightspeed: run 1 was cancelled");
  }

  @Test
  void ctrlCDuringAOneShotRunCancelsItAndExits130() throws Exception {
    gateway.provider.enqueue(ResponsesScript.create().text("partial ", "answer ", "never", " ends").streaming().hangAfterEvents(6));
    Process chat = new ProcessBuilder(LightspeedProcess.command(clientHome, "chat", "--api-url", gateway.url().toString(), "interrupt me"))
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
    BufferedReader stdout = new BufferedReader(new InputStreamReader(chat.getInputStream(), StandardCharsets.UTF_8));
    char[] partial = new char["partial answer ".length()];
    int read = 0;
    while (read < partial.length) read += stdout.read(partial, read, partial.length - read);
    assertThat(new String(partial)).isEqualTo("partial answer ");

    assertThat(new ProcessBuilder("kill", "-INT", Long.toString(chat.pid())).start().waitFor()).isZero();

    assertThat(chat.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertThat(chat.exitValue()).isEqualTo(130);
    String err = new String(chat.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(err).contains("lightspeed: run 1 was cancelled").doesNotContain("Exception");
    String session = sessionOf(new CliRun.Result(-1, "", err));
    assertThat(run("sessions", "show", session).out()).contains("run 1    cancelled  interrupt me");
  }

  @Test
  void sessionsListShowCloseAndDeleteASession() throws Exception {
    gateway.provider.enqueue(ResponsesScript.create().text("listed").streaming());
    CliRun.Result chat = run("chat", "--new", "--effort", "low", "a session to list");
    assertThat(chat.exitCode()).as(chat.err()).isZero();
    String id = sessionOf(chat);

    CliRun.Result list = run("sessions", "list");
    assertThat(list.exitCode()).isZero();
    assertThat(list.out()).startsWith("ID").contains(id + "  open ").contains("a session to list");

    CliRun.Result show = run("sessions", "show", id);
    assertThat(show.out()).contains("session   " + id, "model     gpt-fake (openai, openai:responses), effort low",
        "runs      1 (1 completed)", "run 1    completed  a session to list");

    CliRun.Result refused = run("sessions", "delete", id);
    assertThat(refused.exitCode()).isEqualTo(4);
    assertThat(refused.err()).startsWith("lightspeed: rejected: session \"" + id + "\" is open; close it");

    assertThat(run("sessions", "close", id).out()).isEqualTo("closed session " + id + "\n");
    CliRun.Result deleted = run("sessions", "delete", id, "--json");
    assertThat(deleted.exitCode()).isZero();
    assertThat(ApiJson.mapper().readTree(deleted.out()).path("id").asText()).isEqualTo(id);
  }

  @Test
  void eventsPrintsTheLogAndFollowsNewEvents() throws Exception {
    gateway.provider.enqueue(ResponsesScript.create().text("logged").streaming());
    CliRun.Result chat = run("chat", "--new", "log this");
    String id = sessionOf(chat);

    CliRun.Result events = run("events", id);
    String head = events.out().lines().reduce((a, b) -> b).orElseThrow().split("\\s+")[0].substring(1);
    assertThat(events.exitCode()).isZero();
    assertThat(events.out().lines().map(l -> l.split("\\s+")[2])).containsSubsequence("sessionOpened", "runAccepted", "runStarted",
        "turnGenerationCompleted", "runCompleted");
    assertThat(events.out().lines().findFirst().orElseThrow()).startsWith("#1 ");

    StringWriter out = new StringWriter();
    CommandLine follow = Lightspeed.commandLine(new ClientContext(clientEnv, env -> {
      throw new AssertionError("no local server");
    }, CliRun.NO_TERMINAL));
    follow.setOut(new PrintWriter(out, true));
    Thread follower = Thread.ofVirtual().start(() -> follow.execute("events", id, "--follow", "--json", "--after", head,
        "--api-url", gateway.url().toString()));
    gateway.provider.enqueue(ResponsesScript.create().text("again").streaming());
    assertThat(run("chat", "--session", id, "again").exitCode()).isZero();
    awaitText(out, "\"type\":\"runCompleted\"");
    follower.interrupt();
    JsonNode last = ApiJson.mapper().readTree(out.toString().lines().reduce((a, b) -> b).orElseThrow());
    assertThat(last.at("/kind/runId").asText()).isEqualTo("2");
  }

  @Test
  void textPipedToStdinIsTheMessageOfAOneShotRun() {
    int seen = gateway.provider.requestCount();
    gateway.provider.enqueue(ResponsesScript.create().text("looks fine").streaming());
    CliRun.Result result = CliRun.run(clientEnv, CliRun.piped("review this diff:\n+ a line\n"), new StringWriter(), new StringWriter(),
        withUrl("chat", "--json"));
    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).contains("\"text\":\"looks fine\"");
    assertThat(gateway.provider.requests().get(seen).bodyText()).contains("review this diff:\\n+ a line");

    CliRun.Result nothing = CliRun.run(clientEnv, withUrl("chat"));
    assertThat(nothing.exitCode()).isEqualTo(2);
    assertThat(nothing.err()).contains("no message: give a MESSAGE, pipe one in, or run in a terminal");
  }

  @Test
  void aRefusedCallIsOneLineWithTheErrorKind() {
    CliRun.Result result = run("chat", "--session", "nobody-here", "hello");
    assertThat(result.exitCode()).isEqualTo(4);
    assertThat(result.err()).startsWith("lightspeed: not_found: ").contains("nobody-here");
    assertThat(result.err().lines()).hasSize(1);
  }

  @Test
  void anUnreachableGatewayIsOneLineNamingTheUrlAndExitsFive() throws IOException {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    CliRun.Result result = CliRun.run(clientEnv, "chat", "--api-url", "http://127.0.0.1:" + port, "hello");
    assertThat(result.exitCode()).isEqualTo(5);
    assertThat(result.err()).isEqualTo("lightspeed: cannot reach the Lightspeed gateway at http://127.0.0.1:" + port
        + " (connection refused); start one with `lightspeed server`, or check --api-url and LIGHTSPEED_API_URL\n");

    Map<String, String> viaEnvironment = new HashMap<>(clientEnv);
    viaEnvironment.put("LIGHTSPEED_API_URL", "127.0.0.1:" + port);
    assertThat(CliRun.run(viaEnvironment, "sessions", "list").exitCode()).isEqualTo(5);
  }

  @Test
  void withTheEmbeddedAddressTakenTheRunningServerIsUsedAndNamed() {
    Map<String, String> env = new HashMap<>(TestGateway.providerEnv(gateway.provider, clientHome));
    env.put(ServerConfig.EMBEDDED_TEMPORAL_ADDR, gateway.server.temporalAddress().toString());
    env.put(ServerConfig.GATEWAY_ADDR, "127.0.0.1:" + gateway.server.gatewayPort());

    CliRun.Result result = CliRun.run(env, "sessions", "list");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.err()).isEmpty();
    gateway.provider.enqueue(ResponsesScript.create().text("borrowed").streaming());
    CliRun.Result chat = CliRun.run(env, "chat", "hi");
    assertThat(chat.exitCode()).as(chat.err()).isZero();
    assertThat(chat.err()).startsWith("lightspeed: using the Lightspeed server already running at http://127.0.0.1:"
        + gateway.server.gatewayPort());
  }

  private static void awaitText(StringWriter out, String text) {
    awaitText(out, text, new StringWriter());
  }

  private static void awaitText(StringWriter out, String text, StringWriter err) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!out.toString().contains(text)) {
      if (System.nanoTime() > deadline) throw new AssertionError("never printed " + text + ":\n" + out + "\nstderr:\n" + err);
      pause();
    }
  }

  private static void pause() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
