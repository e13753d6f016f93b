package dev.lightspeed.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lightspeed.server.ServerConfig;
import dev.lightspeed.testkit.provider.ResponsesScript;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --mount} and {@code lightspeed vfs ...} end to end against a gateway and the fake provider: the model
 * edits a file of a mounted directory with a tool and {@code vfs materialize} brings the edit home; an
 * unchanged directory is uploaded once; materialize never scatters files into an unrelated directory.
 */
class MountCommandsTest {
  @TempDir static Path home;
  @TempDir static Path clientHome;
  @TempDir Path work;
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

  @Test
  void theModelEditsAMountedFileAndMaterializeBringsTheEditHome() throws IOException {
    Path project = work.resolve("project");
    write(project, "app.py", "def answer():\n    return 41\n");
    write(project, ".gitignore", "build/\n");
    write(project, "build/out.bin", "not uploaded");
    write(project, ".git/HEAD", "ref: refs/heads/main\n");
    gateway.provider.enqueue(ResponsesScript.create()
        .functionCall("call_1", "edit_file", "{\"path\":\"app.py\",\"old_string\":\"return 41\",\"new_string\":\"return 42\"}").streaming());
    gateway.provider.enqueue(ResponsesScript.create().text("Fixed: it returns 42 now.").streaming());

    CliRun.Result chat = run("chat", "--mount", project.toString(), "fix the answer");

    assertThat(chat.exitCode()).as(chat.err()).isZero();
    assertThat(chat.out()).contains("Fixed: it returns 42 now.");
    assertThat(chat.err()).contains("lightspeed: snapshot of " + project + ": 2 files, ", "✓ edit_file");
    String workspace = workspaceOf(chat);
    assertThat(gateway.provider.requests().get(1).bodyText()).contains("call_1").doesNotContain("not found");

    Path fresh = work.resolve("fresh");
    CliRun.Result copy = run("vfs", "materialize", workspace, fresh.toString());
    assertThat(copy.exitCode()).as(copy.err()).isZero();
    assertThat(Files.readString(fresh.resolve("app.py"))).isEqualTo("def answer():\n    return 42\n");
    assertThat(fresh.resolve("build")).doesNotExist();
    assertThat(fresh.resolve(".git")).doesNotExist();

    write(project, "notes.txt", "written locally after the mount");
    CliRun.Result home = run("vfs", "materialize", workspace, project.toString());
    assertThat(home.exitCode()).as(home.err()).isZero();
    assertThat(Files.readString(project.resolve("app.py"))).isEqualTo("def answer():\n    return 42\n");
    assertThat(home.out()).contains("wrote 1 file into " + project + " (1 unchanged)", "not in the snapshot (--delete removes them): notes.txt")
        .doesNotContain("build/out.bin");
    assertThat(project.resolve("notes.txt")).exists();

    CliRun.Result delete = run("vfs", "materialize", workspace, project.toString(), "--delete");
    assertThat(delete.out()).contains("wrote 0 files into " + project + " (2 unchanged)", "deleted notes.txt");
    assertThat(project.resolve("notes.txt")).doesNotExist();
    assertThat(project.resolve("build/out.bin")).as("ignored files are never deleted").exists();
    assertThat(project.resolve(".git/HEAD")).exists();

    CliRun.Result list = run("vfs", "workspaces", "list", "--json");
    assertThat(list.out()).contains("\"workspaceId\":\"" + workspace + "\"");
  }

  @Test
  void theMountedProjectsInstructionsAndSkillsReachTheModel() throws IOException {
    Path project = work.resolve("with-rules");
    write(project, "AGENTS.md", "Run the linter before answering.\n");
    write(project, ".agents/skills/lint/SKILL.md", "---\nname: lint\ndescription: Lint Python files.\n---\nUse ruff.\n");
    write(project, "main.py", "print(1)\n");
    int before = gateway.provider.requests().size();
    gateway.provider.enqueue(ResponsesScript.create().text("ok").streaming());

    CliRun.Result chat = run("chat", "--mount", project.toString(), "hello");

    assertThat(chat.exitCode()).as(chat.err()).isZero();
    assertThat(gateway.provider.requests().get(before).bodyText())
        .contains("Run the linter before answering.", "lint: Lint Python files. (/workspace/.agents/skills/lint/SKILL.md)");
  }

  @Test
  void remountingAnUnchangedDirectoryUploadsNothing() throws IOException {
    Path dir = work.resolve("same");
    write(dir, "a.txt", "alpha\n");
    write(dir, "b/b.txt", "beta\n");
    write(dir, "b/copy.txt", "alpha\n");

    CliRun.Result first = run("vfs", "snapshot", dir.toString());
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.out().strip()).matches("sha256:[0-9a-f]{64}");
    assertThat(first.err()).contains(": 3 files, 17 B; uploaded 2 new blobs (11 B)");

    gateway.provider.enqueue(ResponsesScript.create().text("ok").streaming());
    CliRun.Result again = run("chat", "--mount", dir.toString(), "--mount-path", "/src", "look");
    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(again.err()).contains(": 3 files, 17 B; uploaded 0 new blobs (0 B)", "linked at /src");
  }

  @Test
  void materializeRefusesANonEmptyUnrelatedDirectory() throws IOException {
    Path dir = work.resolve("src");
    write(dir, "only.txt", "x");
    String snapshot = run("vfs", "snapshot", dir.toString()).out().strip();
    Path unrelated = work.resolve("unrelated");
    write(unrelated, "mine.txt", "keep me");

    CliRun.Result refused = run("vfs", "materialize", snapshot, unrelated.toString());

    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.err()).isEqualTo("lightspeed: " + unrelated + " is not empty and holds none of the snapshot's files; materialize "
        + "into an empty or new directory, or pass --force to write into it anyway\n");
    assertThat(unrelated.resolve("only.txt")).doesNotExist();
  }

  private static CliRun.Result run(String... args) {
    return CliRun.run(clientEnv, GatewayCommandsTest.withUrlOf(gateway, args));
  }

  private static String workspaceOf(CliRun.Result result) {
    Matcher matcher = Pattern.compile("workspace (\\S+) linked at /workspace").matcher(result.err());
    assertThat(matcher.find()).as(result.err()).isTrue();
    return matcher.group(1);
  }

  private static void write(Path dir, String path, String text) throws IOException {
    Path file = dir.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
