package dev.lightspeed.testkit.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lightspeed.engine.cas.BlobRef;
import dev.lightspeed.engine.cas.WellKnownBlob;
import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.blob.BlobCorruptedException;
import dev.lightspeed.store.blob.BlobNotFoundException;
import dev.lightspeed.store.blob.BlobStat;
import dev.lightspeed.store.blob.BlobStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@link BlobStore} contract, run against every backend by subclassing. A subclass supplies a fresh,
 * empty store per test and, if its backend can, a way to damage a stored blob behind the store's back.
 */
public abstract class BlobStoreContract {
  protected static final UniverseId UNIVERSE = UniverseId.DEFAULT;
  protected static final UniverseId OTHER = UniverseId.of("other");

  /** sha256("hello"), a published test vector. */
  private static final String HELLO_REF = "sha256:2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824";
  /** sha256 of no bytes at all. */
  private static final String EMPTY_REF = "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

  protected BlobStore store;

  /** {@return a new, empty store} Called once before each test. */
  protected abstract BlobStore newStore();

  /**
   * Replaces the bytes stored under {@code ref} in {@code universe} without changing the ref, as a damaged
   * medium would. {@return false when the backend cannot do this, which skips the corruption tests}
   */
  protected boolean corrupt(BlobStore store, UniverseId universe, BlobRef ref, byte[] bytes) {
    return false;
  }

  @BeforeEach
  void createStore() {
    store = newStore();
  }

  @AfterEach
  void dropStore() {
    store = null;
  }

  @Test
  public void putReturnsTheSha256RefOfTheBytes() {
    assertThat(store.put(UNIVERSE, bytes("hello"))).isEqualTo(BlobRef.parse(HELLO_REF));
  }

  @Test
  public void readReturnsTheBytesThatWerePut() {
    BlobRef ref = store.put(UNIVERSE, bytes("hello"));

    assertThat(store.read(UNIVERSE, ref)).isEqualTo(bytes("hello"));
    assertThat(store.find(UNIVERSE, ref)).hasValueSatisfying(found -> assertThat(found).isEqualTo(bytes("hello")));
  }

  @Test
  public void putIsIdempotent() {
    BlobRef first = store.put(UNIVERSE, bytes("same"));
    BlobRef second = store.put(UNIVERSE, bytes("same"));

    assertThat(second).isEqualTo(first);
    assertThat(store.read(UNIVERSE, first)).isEqualTo(bytes("same"));
    assertThat(store.stat(UNIVERSE, first)).contains(new BlobStat(first, 4));
  }

  @Test
  public void emptyBlobCanBeStored() {
    BlobRef ref = store.put(UNIVERSE, new byte[0]);

    assertThat(ref).isEqualTo(BlobRef.parse(EMPTY_REF));
    assertThat(store.read(UNIVERSE, ref)).isEmpty();
    assertThat(store.stat(UNIVERSE, ref)).contains(new BlobStat(ref, 0));
    assertThat(store.has(UNIVERSE, ref)).isTrue();
  }

  @Test
  public void largeBlobRoundTrips() {
    byte[] large = randomBytes(5 * 1024 * 1024 + 7, 42);

    BlobRef ref = store.put(UNIVERSE, large);

    assertThat(ref).isEqualTo(BlobRef.sha256(large));
    assertThat(store.read(UNIVERSE, ref)).isEqualTo(large);
    assertThat(store.stat(UNIVERSE, ref)).contains(new BlobStat(ref, large.length));
  }

  @Test
  public void everyByteValueRoundTrips() {
    byte[] all = new byte[256];
    for (int i = 0; i < all.length; i++) all[i] = (byte) i;

    assertThat(store.read(UNIVERSE, store.put(UNIVERSE, all))).isEqualTo(all);
  }

  @Test
  public void readOfAMissingBlobThrowsNamingTheRef() {
    BlobRef absent = BlobRef.sha256(bytes("never stored"));

    assertThatThrownBy(() -> store.read(UNIVERSE, absent))
        .isInstanceOf(BlobNotFoundException.class)
        .hasMessage("blob not found: " + absent)
        .extracting(e -> ((BlobNotFoundException) e).ref())
        .isEqualTo(absent);
  }

  @Test
  public void findOfAMissingBlobIsEmpty() {
    assertThat(store.find(UNIVERSE, BlobRef.sha256(bytes("never stored")))).isEmpty();
  }

  @Test
  public void hasIsTrueOnlyOnceTheBlobIsStored() {
    BlobRef ref = BlobRef.sha256(bytes("soon"));
    assertThat(store.has(UNIVERSE, ref)).isFalse();

    store.put(UNIVERSE, bytes("soon"));

    assertThat(store.has(UNIVERSE, ref)).isTrue();
  }

  @Test
  public void statReportsTheSizeInBytes() {
    byte[] text = bytes("héllo wörld");
    BlobRef ref = store.put(UNIVERSE, text);

    assertThat(store.stat(UNIVERSE, ref)).contains(new BlobStat(ref, 13));
  }

  @Test
  public void statOfAMissingBlobIsEmpty() {
    assertThat(store.stat(UNIVERSE, BlobRef.sha256(bytes("never stored")))).isEmpty();
  }

  @Test
  public void missingReturnsTheAbsentRefsSortedWithoutDuplicates() {
    BlobRef stored = store.put(UNIVERSE, bytes("stored"));
    BlobRef a = BlobRef.sha256(bytes("absent a"));
    BlobRef b = BlobRef.sha256(bytes("absent b"));
    BlobRef c = BlobRef.sha256(bytes("absent c"));

    Set<BlobRef> missing = store.missing(UNIVERSE, List.of(c, stored, a, b, a, c));

    assertThat(missing).containsExactly(sorted(a, b, c).toArray(BlobRef[]::new));
  }

  @Test
  public void missingOfNothingIsEmpty() {
    assertThat(store.missing(UNIVERSE, List.of())).isEmpty();
  }

  @Test
  public void missingResultIsUnmodifiable() {
    Set<BlobRef> missing = store.missing(UNIVERSE, List.of(BlobRef.sha256(bytes("x"))));

    assertThatThrownBy(() -> missing.add(BlobRef.sha256(bytes("y")))).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  public void putManyReturnsRefsInInputOrderIncludingDuplicates() {
    List<byte[]> blobs = List.of(bytes("one"), bytes("two"), bytes("one"), new byte[0]);

    List<BlobRef> refs = store.putMany(UNIVERSE, blobs);

    assertThat(refs).containsExactly(
        BlobRef.sha256(bytes("one")), BlobRef.sha256(bytes("two")), BlobRef.sha256(bytes("one")), BlobRef.parse(EMPTY_REF));
    for (int i = 0; i < blobs.size(); i++) assertThat(store.read(UNIVERSE, refs.get(i))).isEqualTo(blobs.get(i));
  }

  @Test
  public void putManyOfNothingStoresNothing() {
    assertThat(store.putMany(UNIVERSE, List.of())).isEmpty();
  }

  @Test
  public void storeKeepsItsOwnCopyOfTheBytesPut() {
    byte[] original = bytes("original");
    BlobRef ref = store.put(UNIVERSE, original);

    original[0] = 'X';

    assertThat(store.read(UNIVERSE, ref)).isEqualTo(bytes("original"));
  }

  @Test
  public void readReturnsAFreshArrayEachTime() {
    BlobRef ref = store.put(UNIVERSE, bytes("original"));

    store.read(UNIVERSE, ref)[0] = 'X';
    store.find(UNIVERSE, ref).orElseThrow()[1] = 'Y';

    assertThat(store.read(UNIVERSE, ref)).isEqualTo(bytes("original"));
  }

  @Test
  public void universesDoNotSeeEachOthersBlobs() {
    BlobRef ref = store.put(UNIVERSE, bytes("private"));

    assertThat(store.has(OTHER, ref)).isFalse();
    assertThat(store.find(OTHER, ref)).isEmpty();
    assertThat(store.stat(OTHER, ref)).isEmpty();
    assertThat(store.missing(OTHER, List.of(ref))).containsExactly(ref);
    assertThatThrownBy(() -> store.read(OTHER, ref)).isInstanceOf(BlobNotFoundException.class);
    assertThat(store.read(UNIVERSE, ref)).isEqualTo(bytes("private"));
  }

  @Test
  public void aBlobPutInTwoUniversesIsStoredInEach() {
    BlobRef ref = store.put(UNIVERSE, bytes("shared"));
    assertThat(store.put(OTHER, bytes("shared"))).isEqualTo(ref);

    assertThat(store.read(UNIVERSE, ref)).isEqualTo(bytes("shared"));
    assertThat(store.read(OTHER, ref)).isEqualTo(bytes("shared"));
  }

  @Test
  public void wellKnownBlobsAreServedInEveryUniverse() {
    UniverseId fresh = UniverseId.of("fresh-universe");
    for (UniverseId universe : List.of(UNIVERSE, OTHER, fresh)) {
      for (WellKnownBlob blob : WellKnownBlob.values()) {
        assertThat(store.has(universe, blob.ref())).as("has %s in %s", blob, universe).isTrue();
        assertThat(store.read(universe, blob.ref())).as("read %s in %s", blob, universe).isEqualTo(blob.bytes());
        assertThat(store.find(universe, blob.ref())).as("find %s in %s", blob, universe).isPresent();
        assertThat(store.stat(universe, blob.ref())).contains(new BlobStat(blob.ref(), blob.bytes().length));
      }
      List<BlobRef> refs = WellKnownBlob.all().stream().map(WellKnownBlob::ref).toList();
      assertThat(store.missing(universe, refs)).as("missing in %s", universe).isEmpty();
    }
  }

  @Test
  public void puttingAWellKnownBlobReturnsItsRef() {
    for (WellKnownBlob blob : WellKnownBlob.values()) {
      assertThat(store.put(OTHER, blob.bytes())).isEqualTo(blob.ref());
      assertThat(store.read(OTHER, blob.ref())).isEqualTo(blob.bytes());
    }
  }

  @Test
  public void readDetectsCorruptedBlob() {
    BlobRef ref = store.put(UNIVERSE, bytes("intact"));
    byte[] damaged = bytes("damaged");
    assumeTrue(corrupt(store, UNIVERSE, ref, damaged), "this backend cannot corrupt a stored blob");

    String message = "blob corrupted: " + ref + " (stored bytes hash to " + BlobRef.sha256(damaged) + ")";
    assertThatThrownBy(() -> store.read(UNIVERSE, ref))
        .isInstanceOf(BlobCorruptedException.class)
        .hasMessage(message)
        .satisfies(e -> {
          assertThat(((BlobCorruptedException) e).ref()).isEqualTo(ref);
          assertThat(((BlobCorruptedException) e).actual()).isEqualTo(BlobRef.sha256(damaged));
        });
    assertThatThrownBy(() -> store.find(UNIVERSE, ref)).isInstanceOf(BlobCorruptedException.class).hasMessage(message);
  }

  @Test
  public void corruptionOfOneBlobLeavesOthersReadable() {
    BlobRef damagedRef = store.put(UNIVERSE, bytes("to be damaged"));
    BlobRef intact = store.put(UNIVERSE, bytes("intact"));
    assumeTrue(corrupt(store, UNIVERSE, damagedRef, bytes("garbage")), "this backend cannot corrupt a stored blob");

    assertThat(store.read(UNIVERSE, intact)).isEqualTo(bytes("intact"));
    assertThat(store.has(UNIVERSE, damagedRef)).isTrue();
  }

  @Test
  public void concurrentPutsOfOneBlobAllSucceed() throws Exception {
    byte[] blob = randomBytes(1024 * 1024, 7);
    List<BlobRef> refs = StartingGate.run(8, i -> store.put(UNIVERSE, blob));

    assertThat(refs).containsOnly(BlobRef.sha256(blob)).hasSize(8);
    assertThat(store.read(UNIVERSE, BlobRef.sha256(blob))).isEqualTo(blob);
  }

  @Test
  public void concurrentPutsOfDifferentBlobsAreAllStored() throws Exception {
    List<List<BlobRef>> perThread = StartingGate.run(8, t -> {
      List<byte[]> blobs = new ArrayList<>();
      for (int i = 0; i < 25; i++) blobs.add(bytes("thread " + t + " blob " + i));
      return store.putMany(UNIVERSE, blobs);
    });

    for (int t = 0; t < 8; t++) {
      for (int i = 0; i < 25; i++) {
        assertThat(store.read(UNIVERSE, perThread.get(t).get(i))).isEqualTo(bytes("thread " + t + " blob " + i));
      }
    }
  }

  @Test
  public void nullArgumentsAreRejected() {
    BlobRef ref = BlobRef.sha256(bytes("x"));
    assertThatThrownBy(() -> store.put(null, bytes("x"))).isInstanceOf(NullPointerException.class).hasMessage("universe");
    assertThatThrownBy(() -> store.put(UNIVERSE, null)).isInstanceOf(NullPointerException.class).hasMessage("bytes");
    assertThatThrownBy(() -> store.find(UNIVERSE, null)).isInstanceOf(NullPointerException.class).hasMessage("ref");
    assertThatThrownBy(() -> store.has(null, ref)).isInstanceOf(NullPointerException.class).hasMessage("universe");
    assertThatThrownBy(() -> store.stat(UNIVERSE, null)).isInstanceOf(NullPointerException.class).hasMessage("ref");
    assertThatThrownBy(() -> store.missing(UNIVERSE, null)).isInstanceOf(NullPointerException.class).hasMessage("refs");
    assertThatThrownBy(() -> store.putMany(UNIVERSE, null)).isInstanceOf(NullPointerException.class).hasMessage("blobs");
  }

  protected static byte[] bytes(String text) {
    return text.getBytes(UTF_8);
  }

  protected static byte[] randomBytes(int size, long seed) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  private static List<BlobRef> sorted(BlobRef... refs) {
    return Arrays.stream(refs).sorted().toList();
  }
}
