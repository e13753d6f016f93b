package dev.lightspeed.api.blobs;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lightspeed.api.Fields;

/** The contract's {@code BlobPutItem}: the bytes of one blob to store, base64 encoded. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BlobPutItem(String bytesBase64) {
  public BlobPutItem {
    Fields.required(bytesBase64, "bytesBase64");
  }
}
