package dev.lightspeed.api.blobs;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lightspeed.api.Fields;

/** Params of {@code blobs/read}: the blob to fetch, e.g. a context entry's {@code contentRef}. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BlobReadParams(String blobRef) {
  public BlobReadParams {
    Fields.required(blobRef, "blobRef");
  }
}
