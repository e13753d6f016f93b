package dev.lightspeed.api.blobs;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lightspeed.api.Fields;
import java.util.List;

/** Params of {@code blobs/has}: refs to check, so a client uploads only what the server lacks. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BlobHasParams(List<String> blobRefs) {
  public BlobHasParams {
    blobRefs = Fields.listOrEmpty(blobRefs, "blobRefs");
  }
}
