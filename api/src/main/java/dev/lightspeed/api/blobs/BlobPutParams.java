package dev.lightspeed.api.blobs;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lightspeed.api.Fields;
import java.util.List;

/** Params of {@code blobs/put}: blobs to store so input items and context entries can refer to them. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BlobPutParams(List<BlobPutItem> blobs) {
  public BlobPutParams {
    blobs = Fields.listOrEmpty(blobs, "blobs");
  }
}
