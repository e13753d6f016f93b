package dev.lightspeed.api.blobs;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lightspeed.api.Fields;

/** The contract's {@code BlobHasItem}: whether one ref is stored. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BlobHasItem(String blobRef, boolean exists) {
  public BlobHasItem {
    Fields.required(blobRef, "blobRef");
  }
}
