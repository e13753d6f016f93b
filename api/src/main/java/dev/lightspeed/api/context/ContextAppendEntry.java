package dev.lightspeed.api.context;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lightspeed.api.Fields;
import dev.lightspeed.api.input.InputItem;

/** The contract's {@code ContextAppendEntry}: one keyed input item to put into the active context. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContextAppendEntry(String key, InputItem item) {
  public ContextAppendEntry {
    Fields.required(key, "key");
    Fields.required(item, "item");
  }
}
