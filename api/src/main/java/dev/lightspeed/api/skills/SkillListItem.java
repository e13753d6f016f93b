package dev.lightspeed.api.skills;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lightspeed.api.Fields;

/** The contract's {@code SkillListItem}: a discovered skill, whether it may be activated and whether it is. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SkillListItem(String skillId, String name, String description, String shortDescription, boolean enabled, boolean active) {
  public SkillListItem {
    Fields.required(skillId, "skillId");
    Fields.required(name, "name");
    Fields.required(description, "description");
  }
}
