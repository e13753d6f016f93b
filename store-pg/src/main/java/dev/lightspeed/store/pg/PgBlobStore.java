package dev.lightspeed.store.pg;

import dev.lightspeed.engine.cas.BlobRef;
import dev.lightspeed.engine.cas.WellKnownBlob;
import dev.lightspeed.store.StoreIoException;
import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.blob.BlobCorruptedException;
import dev.lightspeed.store.blob.BlobStat;
import dev.lightspeed.store.blob.BlobStore;
import dev.lightspeed.store.blob.WellKnownBlobs;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@link BlobStore} of production: a catalog in table {@code cas_blobs} keyed by universe and digest.
 * Blobs up to {@value #INLINE_MAX_BYTES} bytes sit inline in the row; larger ones go to the
 * {@link ObjectStore} under {@code universes/<universe>/cas/sha256/<2 hex>/<digest>} (after the store's own
 * prefix) and the row records the key. Without an object store, large blobs are stored inline too (bytea
 * holds up to 1 GB), which suits small deployments.
 *
 * <p>A large blob is uploaded before its row is inserted, so a row always points at a complete object; a
 * crash in between leaves an object no row refers to, which the next put of that blob overwrites. Reads
 * verify the hash whatever the medium and throw {@link BlobCorruptedException} on a mismatch; verified reads
 * are kept in the {@link BlobCache}. Well-known blobs are served from memory in every universe. Safe for
 * concurrent use; racing puts of one blob all succeed and store it once.
 */
public final class PgBlobStore implements BlobStore {
  /** The largest blob kept inline in its catalog row when an object store is configured: 64 KiB. */
  public static final int INLINE_MAX_BYTES = 64 * 1024;

  private final PgPool pool;
  private final Optional<ObjectStore> objects;
  private final BlobCache cache;
  private final Universes universes = new Universes();

  public PgBlobStore(PgPool pool, Optional<ObjectStore> objects, BlobCache cache) {
    this.pool = Objects.requireNonNull(pool, "pool");
    this.objects = Objects.requireNonNull(objects, "objects");
    this.cache = Objects.requireNonNull(cache, "cache");
  }

  /** {@return the object key of a large blob, before the object store's prefix} */
  public static String objectKey(UniverseId universe, BlobRef ref) {
    String hex = ref.hex();
    return "universes/" + universe.value() + "/cas/sha256/" + hex.substring(0, 2) + "/" + hex;
  }

  @Override
  public BlobRef put(UniverseId universe, byte[] bytes) {
    Objects.requireNonNull(universe, "universe");
    Objects.requireNonNull(bytes, "bytes");
    BlobRef ref = BlobRef.sha256(bytes);
    if (WellKnownBlobs.contains(ref)) return ref;
    boolean external = objects.isPresent() && bytes.length > INLINE_MAX_BYTES;
    try (Connection c = pool.connection()) {
      if (external && exists(c, universe, ref)) return ref;
      universes.ensure(c, universe);
      String key = null;
      if (external) {
        key = objectKey(universe, ref);
        objects.get().put(key, bytes);
      }
      try (PreparedStatement insert = c.prepareStatement("""
          INSERT INTO cas_blobs (universe_id, digest, size, inline_bytes, object_key) VALUES (?, ?, ?, ?, ?)
          ON CONFLICT (universe_id, digest) DO NOTHING""")) {
        insert.setString(1, universe.value());
        insert.setString(2, ref.hex());
        insert.setLong(3, bytes.length);
        insert.setBytes(4, external ? null : bytes);
        insert.setString(5, key);
        insert.executeUpdate();
      }
      return ref;
    } catch (SQLException e) {
      throw SqlFailures.io("cannot put blob " + ref + " in universe " + universe, e);
    }
  }

  @Override
  public Optional<byte[]> find(UniverseId universe, BlobRef ref) {
    Objects.requireNonNull(universe, "universe");
    Objects.requireNonNull(ref, "ref");
    Optional<WellKnownBlob> wellKnown = WellKnownBlobs.find(ref);
    if (wellKnown.isPresent()) return Optional.of(wellKnown.get().bytes());
    Optional<byte[]> cached = cache.find(universe, ref);
    if (cached.isPresent()) return cached;
    byte[] inline;
    String key;
    try (Connection c = pool.connection();
        PreparedStatement select = c.prepareStatement(
            "SELECT inline_bytes, object_key FROM cas_blobs WHERE universe_id = ? AND digest = ?")) {
      select.setString(1, universe.value());
      select.setString(2, ref.hex());
      try (ResultSet rs = select.executeQuery()) {
        if (!rs.next()) return Optional.empty();
        inline = rs.getBytes(1);
        key = rs.getString(2);
      }
    } catch (SQLException e) {
      throw SqlFailures.io("cannot read blob " + ref + " in universe " + universe, e);
    }
    byte[] stored = inline != null ? inline : fetch(ref, key);
    if (!ref.matches(stored)) throw new BlobCorruptedException(ref, BlobRef.sha256(stored));
    cache.remember(universe, ref, stored);
    return Optional.of(stored);
  }

  private byte[] fetch(BlobRef ref, String key) {
    if (objects.isEmpty()) {
      String message = "blob " + ref + " is stored in an object store under " + key + ", but none is configured";
      throw new StoreIoException(message, new IOException(message));
    }
    return objects.get().get(key).orElseThrow(() -> {
      String message = "blob " + ref + " is catalogued but its object " + key + " is missing from " + objects.get().describe();
      return new StoreIoException(message, new IOException(message));
    });
  }

  @Override
  public boolean has(UniverseId universe, BlobRef ref) {
    Objects.requireNonNull(universe, "universe");
    Objects.requireNonNull(ref, "ref");
    if (WellKnownBlobs.contains(ref)) return true;
    try (Connection c = pool.connection()) {
      return exists(c, universe, ref);
    } catch (SQLException e) {
      throw SqlFailures.io("cannot look up blob " + ref + " in universe " + universe, e);
    }
  }

  @Override
  public Set<BlobRef> missing(UniverseId universe, Collection<BlobRef> refs) {
    Objects.requireNonNull(universe, "universe");
    Objects.requireNonNull(refs, "refs");
    Set<BlobRef> asked = new LinkedHashSet<>();
    for (BlobRef ref : refs) {
      if (!WellKnownBlobs.contains(Objects.requireNonNull(ref, "ref"))) asked.add(ref);
    }
    TreeSet<BlobRef> missing = new TreeSet<>(asked);
    if (asked.isEmpty()) return Collections.unmodifiableSet(missing);
    try (Connection c = pool.connection();
        PreparedStatement select = c.prepareStatement(
            "SELECT digest FROM cas_blobs WHERE universe_id = ? AND digest = ANY (?)")) {
      select.setString(1, universe.value());
      select.setArray(2, c.createArrayOf("text", asked.stream().map(BlobRef::hex).toArray(String[]::new)));
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) missing.remove(BlobRef.parse("sha256:" + rs.getString(1)));
      }
    } catch (SQLException e) {
      throw SqlFailures.io("cannot look up " + asked.size() + " blobs in universe " + universe, e);
    }
    return Collections.unmodifiableSet(missing);
  }

  @Override
  public Optional<BlobStat> stat(UniverseId universe, BlobRef ref) {
    Objects.requireNonNull(universe, "universe");
    Objects.requireNonNull(ref, "ref");
    Optional<WellKnownBlob> wellKnown = WellKnownBlobs.find(ref);
    if (wellKnown.isPresent()) return Optional.of(new BlobStat(ref, wellKnown.get().bytes().length));
    try (Connection c = pool.connection();
        PreparedStatement select = c.prepareStatement("SELECT size FROM cas_blobs WHERE universe_id = ? AND digest = ?")) {
      select.setString(1, universe.value());
      select.setString(2, ref.hex());
      try (ResultSet rs = select.executeQuery()) {
        return rs.next() ? Optional.of(new BlobStat(ref, rs.getLong(1))) : Optional.empty();
      }
    } catch (SQLException e) {
      throw SqlFailures.io("cannot stat blob " + ref + " in universe " + universe, e);
    }
  }

  private static boolean exists(Connection c, UniverseId universe, BlobRef ref) throws SQLException {
    try (PreparedStatement select = c.prepareStatement("SELECT 1 FROM cas_blobs WHERE universe_id = ? AND digest = ?")) {
      select.setString(1, universe.value());
      select.setString(2, ref.hex());
      try (ResultSet rs = select.executeQuery()) {
        return rs.next();
      }
    }
  }
}
