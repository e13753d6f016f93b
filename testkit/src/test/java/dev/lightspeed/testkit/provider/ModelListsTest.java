package dev.lightspeed.testkit.provider;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ModelListsTest {

  @Test
  void openAiListsModelObjects() {
    assertThat(ModelLists.openAi("gpt-4o", "gpt-5").bodyText()).isEqualTo(
        "{\"object\":\"list\",\"data\":[{\"id\":\"gpt-4o\",\"object\":\"model\",\"created\":1700000000,\"owned_by\":\"openai\"},"
            + "{\"id\":\"gpt-5\",\"object\":\"model\",\"created\":1700000000,\"owned_by\":\"openai\"}]}");
  }

  @Test
  void anthropicListsModelsWithPagingFields() {
    assertThat(ModelLists.anthropic("claude-a", "claude-b").bodyText()).isEqualTo(
        "{\"data\":[{\"type\":\"model\",\"id\":\"claude-a\",\"display_name\":\"claude-a\",\"created_at\":\"2025-01-01T00:00:00Z\"},"
            + "{\"type\":\"model\",\"id\":\"claude-b\",\"display_name\":\"claude-b\",\"created_at\":\"2025-01-01T00:00:00Z\"}],"
            + "\"has_more\":false,\"first_id\":\"claude-a\",\"last_id\":\"claude-b\"}");
    assertThat(ModelLists.anthropic().bodyText()).isEqualTo("{\"data\":[],\"has_more\":false,\"first_id\":null,\"last_id\":null}");
  }
}
