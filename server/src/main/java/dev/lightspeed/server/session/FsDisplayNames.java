package dev.lightspeed.server.session;

import dev.lightspeed.store.SessionId;
import dev.lightspeed.store.StoreIoException;
import dev.lightspeed.store.UniverseId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.Optional;

/**
 * Display names as small files under the server's home: {@code <root>/gateway/display-names/<universe>/<session>},
 * each holding the name in UTF-8, written through a temporary file and an atomic rename.
 */
public final class FsDisplayNames implements DisplayNames {
  private final Path root;

  public FsDisplayNames(Path home) {
    this.root = Objects.requireNonNull(home, "home").resolve("gateway").resolve("display-names");
  }

  @Override
  public Optional<String> find(UniverseId universe, SessionId session) {
    try {
      return Optional.of(Files.readString(file(universe, session), StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new StoreIoException("cannot read the display name of session " + session, e);
    }
  }

  @Override
  public void put(UniverseId universe, SessionId session, String name) {
    Path file = file(universe, session);
    try {
      if (name == null) {
        Files.deleteIfExists(file);
        return;
      }
      Files.createDirectories(file.getParent());
      Path temp = Files.createTempFile(file.getParent(), session.value(), ".tmp");
      Files.writeString(temp, name, StandardCharsets.UTF_8);
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new StoreIoException("cannot write the display name of session " + session, e);
    }
  }

  private Path file(UniverseId universe, SessionId session) {
    return root.resolve(universe.value()).resolve(session.value());
  }
}
