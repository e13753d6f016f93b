package dev.lightspeed.store.profile.fs;

import dev.lightspeed.engine.json.Json;
import dev.lightspeed.store.StoreIoException;
import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.fs.DirectoryLock;
import dev.lightspeed.store.fs.RecordFiles;
import dev.lightspeed.store.profile.Profile;
import dev.lightspeed.store.profile.ProfileExistsException;
import dev.lightspeed.store.profile.ProfileId;
import dev.lightspeed.store.profile.ProfileNotFoundException;
import dev.lightspeed.store.profile.ProfileRules;
import dev.lightspeed.store.profile.ProfileStore;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A {@link ProfileStore} of small files: {@code <root>/universes/<universe>/profiles/<id>.json}, one canonical
 * JSON record each (the profile exists exactly when its file does), and one {@code lock} file per universe.
 * Every change is made under that lock and lands by writing a temporary file, forcing it and renaming it over
 * the record, so readers take no lock and always see a whole record.
 *
 * <p>Safe for concurrent use by threads and by processes sharing the root. A crash can leave {@code .tmp}
 * files (their names start with a dot, which no id does), which are never read.
 */
public final class FsProfileStore implements ProfileStore {
  private static final String SUFFIX = ".json";

  private final Path root;
  private final InstantSource clock;

  /** A store under {@code root}, created on first write if absent; timestamps come from {@code clock}. */
  public FsProfileStore(Path root, InstantSource clock) {
    this.root = Objects.requireNonNull(root, "root");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** {@return the directory holding the profiles of {@code universe}} */
  public static Path profilesDir(Path root, UniverseId universe) {
    return root.resolve("universes").resolve(universe.value()).resolve("profiles");
  }

  @Override
  public Profile create(UniverseId universe, ProfileId id, Json.Obj document) {
    Objects.requireNonNull(document, "document");
    Path file = file(universe, id);
    return DirectoryLock.holding(file.getParent(), () -> {
      if (Files.exists(file)) throw new ProfileExistsException(universe, id);
      Profile created = ProfileRules.created(id, document, clock.millis());
      write(file, created);
      return created;
    });
  }

  @Override
  public Optional<Profile> find(UniverseId universe, ProfileId id) {
    return read(file(universe, id));
  }

  @Override
  public List<Profile> list(UniverseId universe) {
    Path dir = profilesDir(root, Objects.requireNonNull(universe, "universe"));
    List<Profile> out = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
      for (Path file : files) {
        String name = file.getFileName().toString();
        if (ProfileId.isValid(name.substring(0, name.length() - SUFFIX.length()))) read(file).ifPresent(out::add);
      }
    } catch (NoSuchFileException absent) {
      return List.of();
    } catch (IOException e) {
      throw new StoreIoException("cannot list profiles in " + dir, e);
    }
    out.sort(Comparator.comparing(Profile::id));
    return List.copyOf(out);
  }

  @Override
  public Profile put(UniverseId universe, ProfileId id, OptionalLong expectedRevision, Json.Obj document) {
    Objects.requireNonNull(expectedRevision, "expectedRevision");
    Objects.requireNonNull(document, "document");
    Path file = file(universe, id);
    return DirectoryLock.holding(file.getParent(), () -> {
      Profile current = read(file).orElse(null);
      Profile next = ProfileRules.put(universe, id, current, expectedRevision, document, clock.millis());
      write(file, next);
      return next;
    });
  }

  @Override
  public Profile delete(UniverseId universe, ProfileId id) {
    Path file = file(universe, id);
    if (!Files.exists(file)) throw new ProfileNotFoundException(universe, id);
    return DirectoryLock.holding(file.getParent(), () -> {
      Profile current = read(file).orElseThrow(() -> new ProfileNotFoundException(universe, id));
      try {
        Files.delete(file);
      } catch (IOException e) {
        throw new StoreIoException("cannot delete profile " + id + " at " + file, e);
      }
      return current;
    });
  }

  private Path file(UniverseId universe, ProfileId id) {
    Objects.requireNonNull(universe, "universe");
    Objects.requireNonNull(id, "id");
    return profilesDir(root, universe).resolve(id.value() + SUFFIX);
  }

  private static Optional<Profile> read(Path file) {
    return RecordFiles.read(file, ProfileJson::decode, "profile");
  }

  private static void write(Path target, Profile profile) {
    RecordFiles.write(target, ProfileJson.encode(profile), "profile");
  }
}
