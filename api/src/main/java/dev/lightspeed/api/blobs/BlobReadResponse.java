package dev.lightspeed.api.blobs;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lightspeed.api.Fields;

/** Result of {@code blobs/read}: the blob's bytes, base64 encoded, and their count. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BlobReadResponse(String blobRef, String bytesBase64, long bytes) {
  public BlobReadResponse {
    Fields.required(blobRef, "blobRef");
    Fields.required(bytesBase64, "bytesBase64");
    Fields.unsigned(bytes, "bytes");
  }
}
