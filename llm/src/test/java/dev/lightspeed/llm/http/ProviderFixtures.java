package dev.lightspeed.llm.http;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds the shared provider wire fixtures ({@code shared/fixtures/providers}) from the working directory. */
final class ProviderFixtures {
  private ProviderFixtures() {}

  /** {@return the fixtures directory: the first {@code shared/fixtures/providers} under the cwd or an ancestor} */
  static Optional<Path> find() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared").resolve("fixtures").resolve("providers");
      if (Files.isDirectory(candidate)) return Optional.of(candidate);
    }
    return Optional.empty();
  }

  /** {@return the fixtures directory} Skips the calling test when it is absent. */
  static Path require() {
    Optional<Path> dir = find();
    assumeTrue(dir.isPresent(), "provider fixtures not found: no shared/fixtures/providers above " + Path.of("").toAbsolutePath());
    return dir.get();
  }
}
