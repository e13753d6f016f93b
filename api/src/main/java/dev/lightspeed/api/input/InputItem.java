package dev.lightspeed.api.input;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.lightspeed.api.Fields;

/**
 * The contract's {@code InputItem}: one piece of user input for a run, a steer or a context entry,
 * discriminated by {@code type}. Large text and media travel as blob refs ({@code blobs/put} first) so
 * requests stay small.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = InputItem.Text.class, name = "text"),
  @JsonSubTypes.Type(value = InputItem.TextRef.class, name = "textRef"),
  @JsonSubTypes.Type(value = InputItem.Media.class, name = "media")
})
public sealed interface InputItem {
  /** Inline text: {@code {"type": "text", "text": ...}}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Text(String text) implements InputItem {
    public Text {
      Fields.required(text, "text");
    }
  }

  /** Text stored as a blob: {@code {"type": "textRef", "blobRef": ...}}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record TextRef(String blobRef) implements InputItem {
    public TextRef {
      Fields.required(blobRef, "blobRef");
    }
  }

  /** An image, audio clip or document stored as a blob; {@code name} is optional. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Media(String blobRef, String mime, MediaKind kind, String name) implements InputItem {
    public Media {
      Fields.required(blobRef, "blobRef");
      Fields.required(mime, "mime");
      Fields.required(kind, "kind");
    }
  }

  /** {@return inline text} */
  static InputItem text(String text) {
    return new Text(text);
  }
}
