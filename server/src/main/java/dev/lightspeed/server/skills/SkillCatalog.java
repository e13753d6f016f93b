package dev.lightspeed.server.skills;

import dev.lightspeed.engine.cas.BlobRef;
import dev.lightspeed.engine.context.ContextEntry;
import dev.lightspeed.engine.context.ContextItem;
import dev.lightspeed.engine.context.EntryKind;
import dev.lightspeed.engine.context.EntryRole;
import dev.lightspeed.engine.drive.PreparationResult;
import dev.lightspeed.engine.json.Json;
import dev.lightspeed.engine.session.SessionState;
import dev.lightspeed.runtime.temporal.RunPreparer;
import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.blob.BlobStore;
import dev.lightspeed.store.vfs.Snapshots;
import dev.lightspeed.store.vfs.VfsPath;
import dev.lightspeed.store.vfs.WorkspaceStore;
import dev.lightspeed.tools.fs.DirEntry;
import dev.lightspeed.tools.fs.FileSession;
import dev.lightspeed.tools.fs.FsException;
import dev.lightspeed.tools.vfs.VfsFeature;
import dev.lightspeed.tools.vfs.VfsFileSystem;
import dev.lightspeed.tools.vfs.WorkspaceLink;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The skills a session's files hold, found where {@code features.vfs.skills} says (by default
 * {@code skills/}, {@code .agents/skills/} and {@code .lightspeed/skills/} of each linked root): each
 * directory there with a {@code SKILL.md}. The catalog (name, description, where its SKILL.md is) is one
 * context entry ({@value #KEY}), refreshed before each run; the model uses a skill by reading its SKILL.md.
 * A SKILL.md whose front matter is unusable is listed in the catalog with the reason, never a failure. Before
 * each run the preparation also drops run-scoped activations of earlier runs.
 */
public final class SkillCatalog implements RunPreparer {
  public static final String KEY = "skills.catalog";
  /** The catalog id activations name: skills come from the session's files. */
  public static final String CATALOG_ID = "vfs";
  static final List<String> CONVENTIONAL = List.of("skills", ".agents/skills", ".lightspeed/skills");
  static final int MAX_SKILLS = 200;

  private final BlobStore blobs;
  private final Snapshots snapshots;
  private final WorkspaceStore workspaces;

  public SkillCatalog(BlobStore blobs, Snapshots snapshots, WorkspaceStore workspaces) {
    this.blobs = Objects.requireNonNull(blobs, "blobs");
    this.snapshots = Objects.requireNonNull(snapshots, "snapshots");
    this.workspaces = Objects.requireNonNull(workspaces, "workspaces");
  }

  /** What discovery found: usable skills by id, and the SKILL.md files it had to skip, with why. */
  record Found(Map<String, Skill> skills, List<String> problems) {
    static final Found NONE = new Found(Map.of(), List.of());
  }

  @Override
  public PreparationResult prepare(UniverseId universe, SessionState state, long run) {
    Optional<ContextItem> wanted = entry(universe, state.config().document());
    List<String> removed = new ArrayList<>(SkillActivations.endedRunScoped(state, run));
    if (wanted.isEmpty() && state.context().findByKey(KEY).isPresent()) removed.add(KEY);
    return new PreparationResult(run, wanted.map(List::of).orElse(List.of()), removed);
  }

  /** {@return the catalog entry for a session with {@code config}, or empty when it sources no skills} */
  public Optional<ContextItem> entry(UniverseId universe, Json.Obj config) {
    Optional<VfsFeature> feature = feature(config);
    if (feature.isEmpty()) return Optional.empty();
    Found found = discover(universe, feature.get());
    String text = render(found);
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    BlobRef ref = blobs.put(universe, bytes);
    return Optional.of(new ContextItem(KEY, EntryKind.SKILL_CATALOG, EntryRole.SYSTEM, ref, "text/markdown", null,
        found.skills().size() + (found.skills().size() == 1 ? " skill" : " skills"), Math.max(1, bytes.length / 4), null, false));
  }

  /** {@return the skills the files of a session with {@code config} hold now} */
  public Found discover(UniverseId universe, Json.Obj config) {
    return feature(config).map(f -> discover(universe, f)).orElse(Found.NONE);
  }

  /** {@return the instructions of {@code skill}: its SKILL.md below the front matter, read now} */
  public String instructions(UniverseId universe, Json.Obj config, Skill skill) throws SkillFile.FormatException {
    VfsFeature feature = feature(config).orElseThrow(() -> new SkillFile.FormatException("the session sources no skills"));
    FileSession files = new VfsFileSystem(universe, feature.workspaceLinks(), workspaces, snapshots).open();
    return SkillFile.parse(new String(files.read(skill.file()), StandardCharsets.UTF_8)).body();
  }

  private static Optional<VfsFeature> feature(Json.Obj config) {
    try {
      return VfsFeature.fromConfig(config).filter(f -> f.skills().isPresent() && !f.workspaceLinks().isEmpty());
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private Found discover(UniverseId universe, VfsFeature feature) {
    FileSession files = new VfsFileSystem(universe, feature.workspaceLinks(), workspaces, snapshots).open();
    Map<String, Skill> skills = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    for (VfsPath root : roots(feature)) {
      for (DirEntry dir : list(files, root)) {
        if (!dir.isDirectory()) continue;
        VfsPath file = root.child(dir.name()).child("SKILL.md");
        if (files.stat(file).filter(s -> !s.isDirectory()).isEmpty()) continue;
        if (skills.size() == MAX_SKILLS) {
          problems.add(file + ": not listed, the catalog holds at most " + MAX_SKILLS + " skills");
          continue;
        }
        try {
          SkillFile parsed = SkillFile.parse(new String(files.read(file), StandardCharsets.UTF_8));
          if (skills.containsKey(parsed.name())) {
            problems.add(file + ": name \"" + parsed.name() + "\" is taken by " + skills.get(parsed.name()).file());
          } else {
            skills.put(parsed.name(), new Skill(parsed.name(), parsed.description(), parsed.shortDescription(), file));
          }
        } catch (SkillFile.FormatException e) {
          problems.add(file + ": " + e.getMessage());
        }
      }
    }
    return new Found(skills, problems);
  }

  private static List<DirEntry> list(FileSession files, VfsPath dir) {
    try {
      return files.stat(dir).filter(s -> s.isDirectory()).isPresent() ? files.list(dir) : List.of();
    } catch (FsException outsideEveryRoot) {
      return List.of();
    }
  }

  private static List<VfsPath> roots(VfsFeature feature) {
    Optional<List<VfsPath>> named = feature.skills().flatMap(VfsFeature.Sourcing::roots);
    if (named.isPresent()) return named.get();
    Set<VfsPath> roots = new LinkedHashSet<>();
    for (WorkspaceLink link : feature.workspaceLinks()) {
      for (String dir : CONVENTIONAL) roots.add(link.path().resolve(dir));
    }
    return List.copyOf(roots);
  }

  static String render(Found found) {
    StringBuilder out = new StringBuilder("# Skills\n");
    if (found.skills().isEmpty()) {
      out.append("No skills are available in this session's files.\n");
    } else {
      out.append("Skills are instructions for particular kinds of task. When a task matches a skill's description, read its")
          .append(" SKILL.md in full with the read tool before you start, and follow it.\n");
      for (Skill s : found.skills().values()) {
        out.append("- ").append(s.id()).append(": ").append(s.description().replace('\n', ' ')).append(" (").append(s.file()).append(")\n");
      }
    }
    if (!found.problems().isEmpty()) {
      out.append("Skipped:\n");
      for (String p : found.problems()) out.append("- ").append(p).append('\n');
    }
    return out.toString();
  }

  /** {@return the entries of {@code state}'s context with {@code key}} */
  static Optional<ContextEntry> current(SessionState state) {
    return state.context().findByKey(KEY);
  }
}
