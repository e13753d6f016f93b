package dev.lightspeed.testkit.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lightspeed.store.profile.Profile;
import dev.lightspeed.store.profile.ProfileStore;
import dev.lightspeed.store.profile.fs.FsProfileStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FsProfileStoreTest extends ProfileStoreContract {
  @TempDir Path root;

  @Override
  protected ProfileStore newStore(ManualClock clock) {
    return new FsProfileStore(root, clock);
  }

  @Test
  void aProfileIsOneCanonicalJsonRecordUnderItsUniverse() throws IOException {
    store.create(UNIVERSE, CODER, V1);

    Path record = root.resolve("universes/default/profiles/coder.json");
    assertThat(FsProfileStore.profilesDir(root, UNIVERSE).resolve("coder.json")).isEqualTo(record);
    assertThat(Files.readString(record, StandardCharsets.UTF_8)).isEqualTo("{\"createdAtMs\":1700000000000,"
        + "\"document\":{\"displayName\":\"Coder\"},\"id\":\"coder\",\"revision\":1,\"updatedAtMs\":1700000000000,\"version\":1}");
  }

  @Test
  void anotherStoreOnTheSameRootSeesTheProfiles() {
    store.create(UNIVERSE, CODER, V1);
    Profile replaced = store.put(UNIVERSE, CODER, OptionalLong.of(1), V2);

    FsProfileStore reopened = new FsProfileStore(root, clock);

    assertThat(reopened.read(UNIVERSE, CODER)).isEqualTo(replaced);
    assertThat(reopened.list(UNIVERSE)).containsExactly(replaced);
  }

  @Test
  void noTemporaryFilesAreLeftBehind() throws IOException {
    store.create(UNIVERSE, CODER, V1);
    store.put(UNIVERSE, CODER, OptionalLong.of(1), V2);
    store.put(UNIVERSE, CODER, OptionalLong.empty(), V3);

    try (Stream<Path> files = Files.walk(root)) {
      assertThat(files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("coder.json", "lock");
    }
  }

  @Test
  void strayFilesAreNotProfiles() throws IOException {
    Path dir = FsProfileStore.profilesDir(root, UNIVERSE);
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(".coder.json.123.tmp"), "{");
    Files.writeString(dir.resolve("notes.txt"), "x");

    assertThat(store.list(UNIVERSE)).isEmpty();
  }
}
