package dev.lightspeed.api.profile;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.lightspeed.api.Fields;

/**
 * The contract's {@code ProfileInstructions}: the instruction text a profile adds to a session, inline or as a
 * blob ({@code blobs/put} first), discriminated by {@code type}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = ProfileInstructions.Text.class, name = "text"),
  @JsonSubTypes.Type(value = ProfileInstructions.TextRef.class, name = "textRef")
})
public sealed interface ProfileInstructions {
  /** Inline text: {@code {"type": "text", "text": ...}}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Text(String text) implements ProfileInstructions {
    public Text {
      Fields.required(text, "text");
    }
  }

  /** Text stored as a blob: {@code {"type": "textRef", "blobRef": ...}}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record TextRef(String blobRef) implements ProfileInstructions {
    public TextRef {
      Fields.required(blobRef, "blobRef");
    }
  }
}
