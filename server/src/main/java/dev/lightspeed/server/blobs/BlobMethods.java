package dev.lightspeed.server.blobs;

import dev.lightspeed.api.Methods;
import dev.lightspeed.api.blobs.BlobHasItem;
import dev.lightspeed.api.blobs.BlobHasParams;
import dev.lightspeed.api.blobs.BlobHasResponse;
import dev.lightspeed.api.blobs.BlobPutParams;
import dev.lightspeed.api.blobs.BlobPutResponse;
import dev.lightspeed.api.blobs.BlobPutResult;
import dev.lightspeed.api.blobs.BlobReadParams;
import dev.lightspeed.api.blobs.BlobReadResponse;
import dev.lightspeed.engine.cas.BlobRef;
import dev.lightspeed.server.rpc.MethodTable;
import dev.lightspeed.server.rpc.RpcException;
import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.blob.BlobStore;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * {@code blobs/put|read|has}. Puts are idempotent (the ref is the hash of the bytes), reads return the
 * whole blob, and has answers per ref in request order so a client uploads only what is missing. All
 * items of a put are decoded before any is stored, so a bad item stores nothing.
 */
public final class BlobMethods {
  private final UniverseId universe;
  private final BlobStore blobs;

  public BlobMethods(UniverseId universe, BlobStore blobs) {
    this.universe = Objects.requireNonNull(universe, "universe");
    this.blobs = Objects.requireNonNull(blobs, "blobs");
  }

  public void register(MethodTable.Builder table) {
    table.on(Methods.BLOBS_PUT, BlobPutParams.class, this::put)
        .on(Methods.BLOBS_READ, BlobReadParams.class, this::read)
        .on(Methods.BLOBS_HAS, BlobHasParams.class, this::has);
  }

  private BlobPutResponse put(BlobPutParams params) {
    List<byte[]> decoded = new ArrayList<>(params.blobs().size());
    for (int i = 0; i < params.blobs().size(); i++) {
      try {
        decoded.add(Base64.getDecoder().decode(params.blobs().get(i).bytesBase64()));
      } catch (IllegalArgumentException e) {
        throw RpcException.invalidParams("blobs[" + i + "].bytesBase64 is not valid base64 (" + e.getMessage() + ")");
      }
    }
    List<BlobRef> refs = blobs.putMany(universe, decoded);
    List<BlobPutResult> results = new ArrayList<>(refs.size());
    for (int i = 0; i < refs.size(); i++) results.add(new BlobPutResult(refs.get(i).toString(), decoded.get(i).length));
    return new BlobPutResponse(results);
  }

  private BlobReadResponse read(BlobReadParams params) {
    BlobRef ref = ref("blobRef", params.blobRef());
    byte[] bytes = blobs.find(universe, ref).orElseThrow(
        () -> RpcException.notFound("blob " + ref + " is not stored; check the ref, or upload the content with blobs/put"));
    return new BlobReadResponse(ref.toString(), Base64.getEncoder().encodeToString(bytes), bytes.length);
  }

  private BlobHasResponse has(BlobHasParams params) {
    List<BlobHasItem> items = new ArrayList<>(params.blobRefs().size());
    for (int i = 0; i < params.blobRefs().size(); i++) {
      BlobRef ref = ref("blobRefs[" + i + "]", params.blobRefs().get(i));
      items.add(new BlobHasItem(ref.toString(), blobs.has(universe, ref)));
    }
    return new BlobHasResponse(items);
  }

  private static BlobRef ref(String field, String text) {
    BlobRef ref = BlobRef.parseOrNull(text);
    if (ref == null) throw RpcException.invalidParams(field + " \"" + text + "\" is not a blob ref (expected sha256:<64 lowercase hex>)");
    return ref;
  }
}
