package dev.lightspeed.testkit.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeed.engine.json.CanonicalJson;
import dev.lightspeed.engine.json.Json;
import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.profile.Profile;
import dev.lightspeed.store.profile.ProfileConflictException;
import dev.lightspeed.store.profile.ProfileExistsException;
import dev.lightspeed.store.profile.ProfileId;
import dev.lightspeed.store.profile.ProfileNotFoundException;
import dev.lightspeed.store.profile.ProfileStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@link ProfileStore} contract, run against every backend by subclassing. A subclass supplies a fresh,
 * empty store per test whose timestamps come from the given clock.
 */
public abstract class ProfileStoreContract {
  protected static final UniverseId UNIVERSE = UniverseId.DEFAULT;
  protected static final UniverseId OTHER = UniverseId.of("other");
  protected static final ProfileId CODER = ProfileId.of("coder");
  protected static final long T0 = 1_700_000_000_000L;

  protected static final Json.Obj V1 = Json.Obj.builder().put("displayName", "Coder").build();
  protected static final Json.Obj V2 = Json.Obj.builder().put("displayName", "Coder 2")
      .put("config", Json.Obj.builder().put("limits", Json.Obj.builder().put("maxTurns", 4).build()).build()).build();
  protected static final Json.Obj V3 = Json.Obj.builder().put("description", "third").build();

  protected ManualClock clock;
  /** A document with what JSON allows and stores are tempted to rewrite: odd numbers, NUL, non-ASCII text, null. */
  protected static final Json.Obj ODD = CanonicalJson.parseObject("{\"instructions\":\"\u00c5 \u2603 \\\"quoted\\\" nul:\\u0000\","
      + "\"config\":{\"temperature\":1e-7,\"seed\":123456789012345678901234567890,\"stop\":[\"a\",null,true]},\"n\":-0.50}");

  protected ProfileStore store;

  /** {@return a new, empty store reading time from {@code clock}} Called once before each test. */
  protected abstract ProfileStore newStore(ManualClock clock);

  @BeforeEach
  void createStore() {
    clock = ManualClock.atEpochMilli(T0);
    store = newStore(clock);
  }

  @Test
  public void createStartsAtTheFirstRevision() {
    Profile created = store.create(UNIVERSE, CODER, V1);

    assertThat(created).isEqualTo(new Profile(CODER, V1, 1, T0, T0));
    assertThat(store.find(UNIVERSE, CODER)).contains(created);
    assertThat(store.read(UNIVERSE, CODER)).isEqualTo(created);
  }

  @Test
  public void aDocumentComesBackExactlyAsItWasWritten() {
    store.create(UNIVERSE, CODER, ODD);
    store.put(UNIVERSE, ProfileId.of("second"), OptionalLong.empty(), ODD);

    assertThat(CanonicalJson.write(store.read(UNIVERSE, CODER).document())).isEqualTo(CanonicalJson.write(ODD));
    assertThat(store.list(UNIVERSE)).extracting(Profile::document).containsExactly(ODD, ODD);
  }

  @Test
  public void creatingATakenIdFailsAndKeepsTheProfile() {
    store.create(UNIVERSE, CODER, V1);

    assertThatThrownBy(() -> store.create(UNIVERSE, CODER, V2))
        .isInstanceOf(ProfileExistsException.class)
        .hasMessage("profile already exists: coder");
    assertThat(store.read(UNIVERSE, CODER).document()).isEqualTo(V1);
  }

  @Test
  public void aPutAtTheCurrentRevisionReplacesTheDocument() {
    store.create(UNIVERSE, CODER, V1);
    clock.advance(Duration.ofSeconds(5));

    Profile replaced = store.put(UNIVERSE, CODER, OptionalLong.of(1), V2);

    assertThat(replaced).isEqualTo(new Profile(CODER, V2, 2, T0, T0 + 5_000));
    assertThat(store.read(UNIVERSE, CODER)).isEqualTo(replaced);
  }

  @Test
  public void aPutAtAStaleRevisionConflictsAndChangesNothing() {
    store.create(UNIVERSE, CODER, V1);
    store.put(UNIVERSE, CODER, OptionalLong.of(1), V2);

    assertThatThrownBy(() -> store.put(UNIVERSE, CODER, OptionalLong.of(1), V3))
        .isInstanceOfSatisfying(ProfileConflictException.class, e -> {
          assertThat(e.expectedRevision()).isEqualTo(1);
          assertThat(e.actualRevision()).isEqualTo(2);
        })
        .hasMessage("profile coder is at revision 2, not 1");
    assertThat(store.read(UNIVERSE, CODER).document()).isEqualTo(V2);
  }

  @Test
  public void aPutWithoutExpectedRevisionReplacesUnconditionally() {
    store.create(UNIVERSE, CODER, V1);
    store.put(UNIVERSE, CODER, OptionalLong.empty(), V2);

    assertThat(store.put(UNIVERSE, CODER, OptionalLong.empty(), V3).revision()).isEqualTo(3);
  }

  @Test
  public void aPutOfAnAbsentProfileCreatesItWhateverRevisionItExpects() {
    assertThat(store.put(UNIVERSE, CODER, OptionalLong.empty(), V1)).isEqualTo(new Profile(CODER, V1, 1, T0, T0));
    assertThat(store.put(UNIVERSE, ProfileId.of("other"), OptionalLong.of(7), V2)).isEqualTo(new Profile(ProfileId.of("other"), V2, 1, T0, T0));
  }

  @Test
  public void deleteReturnsTheLastRevisionAndFreesTheId() {
    store.create(UNIVERSE, CODER, V1);
    Profile replaced = store.put(UNIVERSE, CODER, OptionalLong.empty(), V2);

    assertThat(store.delete(UNIVERSE, CODER)).isEqualTo(replaced);
    assertThat(store.find(UNIVERSE, CODER)).isEmpty();
    assertThat(store.create(UNIVERSE, CODER, V3).revision()).isEqualTo(1);
  }

  @Test
  public void missingProfilesAreNotFound() {
    assertThat(store.find(UNIVERSE, CODER)).isEmpty();
    assertThatThrownBy(() -> store.read(UNIVERSE, CODER))
        .isInstanceOf(ProfileNotFoundException.class)
        .hasMessage("profile not found: coder");
    assertThatThrownBy(() -> store.delete(UNIVERSE, CODER)).isInstanceOf(ProfileNotFoundException.class);
  }

  @Test
  public void listIsSortedByIdAndScopedToTheUniverse() {
    store.create(UNIVERSE, ProfileId.of("zeta"), V1);
    store.create(UNIVERSE, ProfileId.of("alpha"), V2);
    store.create(UNIVERSE, ProfileId.of("Mid"), V3);
    store.create(OTHER, CODER, V1);

    assertThat(store.list(UNIVERSE)).extracting(p -> p.id().value()).containsExactly("Mid", "alpha", "zeta");
    assertThat(store.list(OTHER)).extracting(Profile::id).containsExactly(CODER);
    assertThat(store.find(UNIVERSE, CODER)).isEmpty();
    assertThat(store.list(UniverseId.of("empty"))).isEmpty();
  }

  @Test
  public void ofRacingPutsAtOneRevisionExactlyOneApplies() throws Exception {
    store.create(UNIVERSE, CODER, V1);
    int writers = 8;
    List<Future<Boolean>> results = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(writers)) {
      for (int i = 0; i < writers; i++) {
        Json.Obj document = Json.Obj.builder().put("description", "writer " + i).build();
        results.add(pool.submit(() -> {
          try {
            store.put(UNIVERSE, CODER, OptionalLong.of(1), document);
            return true;
          } catch (ProfileConflictException e) {
            return false;
          }
        }));
      }
      int applied = 0;
      for (Future<Boolean> result : results) if (result.get()) applied++;
      assertThat(applied).isEqualTo(1);
    }
    assertThat(store.read(UNIVERSE, CODER).revision()).isEqualTo(2);
  }

  @Test
  public void racingPutsOfANewProfileApplyOneAfterAnother() throws Exception {
    int writers = 8;
    List<Future<Profile>> results = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(writers)) {
      for (int i = 0; i < writers; i++) {
        Json.Obj document = Json.Obj.builder().put("description", "writer " + i).build();
        results.add(pool.submit(() -> store.put(UNIVERSE, CODER, OptionalLong.empty(), document)));
      }
      List<Long> revisions = new ArrayList<>();
      for (Future<Profile> result : results) revisions.add(result.get().revision());
      assertThat(revisions).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
    }
    assertThat(store.read(UNIVERSE, CODER).revision()).isEqualTo(writers);
  }
}
