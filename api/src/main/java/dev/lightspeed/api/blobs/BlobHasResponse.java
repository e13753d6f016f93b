package dev.lightspeed.api.blobs;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lightspeed.api.Fields;
import java.util.List;

/** Result of {@code blobs/has}: one answer per requested ref, in request order. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BlobHasResponse(List<BlobHasItem> blobs) {
  public BlobHasResponse {
    blobs = Fields.listOrEmpty(blobs, "blobs");
  }
}
