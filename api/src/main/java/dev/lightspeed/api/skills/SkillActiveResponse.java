package dev.lightspeed.api.skills;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lightspeed.api.Fields;
import java.util.List;

/** Result of {@code session/skills/active}: the skills whose instructions are in the context now. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SkillActiveResponse(List<SkillActivationView> activations, String catalogRef) {
  public SkillActiveResponse {
    activations = Fields.listOrEmpty(activations, "activations");
  }
}
