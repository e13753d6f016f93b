package dev.lightspeed.api.skills;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lightspeed.api.Fields;

/** The contract's {@code SkillActivationView}: one active skill, which catalog it came from, its scope and source. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SkillActivationView(
    String catalogId, String skillId, String catalogRef, String name, String description, String shortDescription,
    SkillActivationScope scope, SkillActivationSource source) {
  public SkillActivationView {
    Fields.required(catalogId, "catalogId");
    Fields.required(skillId, "skillId");
    Fields.required(catalogRef, "catalogRef");
    Fields.required(scope, "scope");
    Fields.required(source, "source");
  }
}
