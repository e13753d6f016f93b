package dev.lightspeed.api.run;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.lightspeed.api.Fields;
import dev.lightspeed.api.input.InputItem;
import java.util.List;

/**
 * The contract's {@code RunStartSource} (and {@code RunViewSource}, which has the same shape): what a run
 * answers, discriminated by {@code type}: fresh input items, or keys already in the active context.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = RunStartSource.Input.class, name = "input"),
  @JsonSubTypes.Type(value = RunStartSource.Context.class, name = "context")
})
public sealed interface RunStartSource {
  /** New input for the run: {@code {"type": "input", "items": [...]}}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Input(List<InputItem> items) implements RunStartSource {
    public Input {
      items = Fields.requiredList(items, "items");
    }
  }

  /** Run on existing context entries: {@code {"type": "context", "keys": [...]}}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Context(List<String> keys) implements RunStartSource {
    public Context {
      keys = Fields.requiredList(keys, "keys");
    }
  }

  /** {@return an input source of the given items} */
  static RunStartSource input(InputItem... items) {
    return new Input(List.of(items));
  }

  /** {@return a context source of the given keys} */
  static RunStartSource context(String... keys) {
    return new Context(List.of(keys));
  }
}
