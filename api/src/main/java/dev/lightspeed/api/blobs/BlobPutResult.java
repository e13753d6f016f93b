package dev.lightspeed.api.blobs;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lightspeed.api.Fields;

/** The contract's {@code BlobPutResult}: the content-addressed ref and size of one stored blob. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BlobPutResult(String blobRef, long bytes) {
  public BlobPutResult {
    Fields.required(blobRef, "blobRef");
    Fields.unsigned(bytes, "bytes");
  }
}
