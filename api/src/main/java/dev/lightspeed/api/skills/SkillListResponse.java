package dev.lightspeed.api.skills;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lightspeed.api.Fields;
import java.util.List;

/** Result of {@code session/skills/list}: the skills the session's catalog holds now; empty without a catalog. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SkillListResponse(String catalogRef, List<SkillListItem> skills) {
  public SkillListResponse {
    skills = Fields.listOrEmpty(skills, "skills");
  }
}
