package dev.lightspeed.api.blobs;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lightspeed.api.Fields;
import java.util.List;

/** Result of {@code blobs/put}: one result per blob, in request order. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BlobPutResponse(List<BlobPutResult> blobs) {
  public BlobPutResponse {
    blobs = Fields.listOrEmpty(blobs, "blobs");
  }
}
