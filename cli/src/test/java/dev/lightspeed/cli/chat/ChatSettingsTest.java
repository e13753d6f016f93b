package dev.lightspeed.cli.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lightspeed.api.ApiJson;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ChatSettingsTest {
  private static ChatSettings settings(String model, String provider, String apiKind, Effort effort, Long maxTokens) {
    return new ChatSettings(Optional.ofNullable(model), Optional.ofNullable(provider), Optional.ofNullable(apiKind), Optional.ofNullable(effort),
        maxTokens == null ? OptionalLong.empty() : OptionalLong.of(maxTokens));
  }

  private static ObjectNode config(String json) throws Exception {
    return (ObjectNode) ApiJson.mapper().readTree(json);
  }

  @Test
  void noFlagsLeaveANewSessionToTheGatewaysDefaults() {
    assertThat(ChatSettings.NONE.newSessionConfig()).isEmpty();
    assertThat(ChatSettings.NONE.isEmpty()).isTrue();
  }

  @Test
  void aModelWhoseNameSaysItsProviderIsSetAtCreationWithItsNativeApi() {
    ObjectNode config = settings("claude-opus-4-1", null, null, Effort.HIGH, 2048L).newSessionConfig().orElseThrow();
    assertThat(ApiJson.toJson(config)).isEqualTo("{\"model\":{\"providerId\":\"anthropic\",\"apiKind\":\"anthropic:messages\","
        + "\"model\":\"claude-opus-4-1\"},\"generation\":{\"reasoningEffort\":\"high\",\"maxOutputTokens\":2048}}");
  }

  @Test
  void aModelOfUnknownFamilyIsAppliedAfterCreationOnTheDefaultProvider() throws Exception {
    ChatSettings local = settings("llama3.1", null, null, null, null);
    assertThat(local.newSessionConfig()).isEmpty();
    assertThat(local.needsModelAfterStart()).isTrue();
    ObjectNode changed = local.applyTo(config("{\"model\":{\"providerId\":\"openai\",\"apiKind\":\"openai:completions\",\"model\":\"x\"}}"));
    assertThat(ApiJson.toJson(changed.get("model"))).isEqualTo("{\"providerId\":\"openai\",\"apiKind\":\"openai:completions\",\"model\":\"llama3.1\"}");
  }

  @Test
  void changingAModelKeepsTheRestOfTheConfig() throws Exception {
    ObjectNode current = config("{\"model\":{\"providerId\":\"openai\",\"apiKind\":\"openai:responses\",\"model\":\"gpt-5\"},"
        + "\"limits\":{\"maxTurns\":9},\"generation\":{\"maxOutputTokens\":100}}");
    ObjectNode changed = ChatSettings.ofModel("gpt-5-mini").applyTo(current);
    assertThat(ApiJson.toJson(changed)).isEqualTo("{\"model\":{\"providerId\":\"openai\",\"apiKind\":\"openai:responses\",\"model\":\"gpt-5-mini\"},"
        + "\"limits\":{\"maxTurns\":9},\"generation\":{\"maxOutputTokens\":100}}");
    assertThat(ApiJson.toJson(ChatSettings.ofEffort(Effort.NONE).applyTo(current).get("generation")))
        .isEqualTo("{\"maxOutputTokens\":100,\"reasoningEffort\":\"none\"}");
    assertThat(ApiJson.toJson(current.get("model"))).contains("\"gpt-5\"");
  }

  @Test
  void aProviderWithoutADefaultModelNeedsOne() {
    assertThatThrownBy(() -> settings(null, "local", null, null, null).newSessionConfig())
        .hasMessage("provider \"local\" has no default model; name one with --model");
    assertThat(settings(null, "anthropic", null, null, null).newSessionConfig().orElseThrow().at("/model/model").asText())
        .isEqualTo("claude-sonnet-4-5");
  }

  @Test
  void maxTokensMustBePositive() {
    assertThatThrownBy(() -> settings(null, null, null, null, 0L)).hasMessage("--max-tokens must be a positive number of tokens, not 0");
  }
}
