package dev.lightspeed.engine.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeed.engine.json.CanonicalJson;
import dev.lightspeed.engine.json.Json;
import dev.lightspeed.engine.llm.ModelRef;
import dev.lightspeed.engine.run.RunLimits;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Session and run config documents per the v1 contract: what is read, and where an invalid document is wrong. */
class SessionConfigParserTest {

  private static Json.Obj json(String text) {
    return CanonicalJson.parseObject(text);
  }

  private static void assertInvalid(String config, String message) {
    assertThatThrownBy(() -> SessionConfigParser.parseSession(json(config))).isInstanceOf(ConfigException.class).hasMessage(message);
  }

  private static void assertInvalidRun(String config, String message) {
    assertThatThrownBy(() -> SessionConfigParser.checkRun(json(config))).isInstanceOf(ConfigException.class).hasMessage(message);
  }

  @Test
  void anEmptyDocumentMeansNoModelDefaultLimitsAndNoCompaction() {
    assertThat(SessionConfigParser.parseSession(Json.Obj.EMPTY)).isEqualTo(SessionSettings.DEFAULT);
    assertThat(SessionSettings.DEFAULT.limits()).isEqualTo(new RunLimits(256, 256));
  }

  @Test
  void aFullDocumentIsRead() {
    SessionSettings s = SessionConfigParser.parseSession(json("{"
        + "\"model\":{\"providerId\":\"openai\",\"apiKind\":\"openai:responses\",\"model\":\"gpt\"},"
        + "\"generation\":{\"maxOutputTokens\":1000,\"parallelToolUse\":true,\"processingTier\":\"flex\",\"reasoningEffort\":\"high\","
        + "\"toolChoice\":{\"type\":\"specific\",\"toolId\":\"read\"}},"
        + "\"limits\":{\"maxTurns\":10,\"maxToolRounds\":4},"
        + "\"context\":{\"compaction\":{\"mode\":\"providerStandalone\",\"compact_threshold_tokens\":5000,\"target_tokens\":1000}},"
        + "\"features\":{\"vfs\":{\"workspaceLinks\":[]}}}"));
    assertThat(s.model()).contains(new ModelRef("openai", "openai:responses", "gpt"));
    assertThat(s.generation().members()).containsOnlyKeys("maxOutputTokens", "parallelToolUse", "processingTier", "reasoningEffort", "toolChoice");
    assertThat(s.limits()).isEqualTo(new RunLimits(10, 4));
    assertThat(s.compaction()).isEqualTo(new CompactionPolicy(CompactionPolicy.Mode.PROVIDER_STANDALONE, 5000, 1000));
  }

  @Test
  void eachCompactionModeTakesOnlyItsOwnFields() {
    assertThat(SessionConfigParser.parseSession(json("{\"context\":{\"compaction\":{\"mode\":\"disabled\"}}}")).compaction())
        .isEqualTo(CompactionPolicy.DISABLED);
    assertThat(SessionConfigParser.parseSession(json("{\"context\":{\"compaction\":{\"mode\":\"providerTriggered\",\"compact_threshold_tokens\":9}}}"))
        .compaction()).isEqualTo(new CompactionPolicy(CompactionPolicy.Mode.PROVIDER_TRIGGERED, 9, 0));
    assertInvalid("{\"context\":{\"compaction\":{\"mode\":\"disabled\",\"compact_threshold_tokens\":9}}}",
        "config.context.compaction has unknown field \"compact_threshold_tokens\"");
    assertInvalid("{\"context\":{\"compaction\":{\"mode\":\"providerTriggered\",\"target_tokens\":9}}}",
        "config.context.compaction has unknown field \"target_tokens\"");
    assertInvalid("{\"context\":{\"compaction\":{}}}", "config.context.compaction.mode is required");
    assertInvalid("{\"context\":{\"other\":{}}}", "config.context has unknown field \"other\"");
  }

  @Test
  void theHighWaterMarkIsDueOnlyInStandaloneModeWithAThreshold() {
    assertThat(new CompactionPolicy(CompactionPolicy.Mode.PROVIDER_STANDALONE, 100, 0).dueAt(100)).isTrue();
    assertThat(new CompactionPolicy(CompactionPolicy.Mode.PROVIDER_STANDALONE, 100, 0).dueAt(99)).isFalse();
    assertThat(new CompactionPolicy(CompactionPolicy.Mode.PROVIDER_STANDALONE, 0, 0).dueAt(1_000_000)).isFalse();
    assertThat(new CompactionPolicy(CompactionPolicy.Mode.PROVIDER_TRIGGERED, 100, 0).dueAt(1_000)).isFalse();
  }

  @Test
  void invalidValuesNameTheirPath() {
    assertInvalid("{\"bogus\":true}", "config has unknown field \"bogus\"");
    assertInvalid("{\"limits\":{\"maxTurns\":-1}}", "config.limits.maxTurns must be an integer between 0 and 4294967295");
    assertInvalid("{\"limits\":{\"maxToolRounds\":4294967296}}", "config.limits.maxToolRounds must be an integer between 0 and 4294967295");
    assertInvalid("{\"limits\":{\"maxTurns\":\"3\"}}", "config.limits.maxTurns must be an integer between 0 and 4294967295");
    assertInvalid("{\"limits\":{\"turns\":3}}", "config.limits has unknown field \"turns\"");
    assertInvalid("{\"generation\":{\"maxOutputTokens\":0.5}}", "config.generation.maxOutputTokens must be an integer between 0 and 4294967295");
    assertInvalid("{\"generation\":{\"reasoningEffort\":1}}", "config.generation.reasoningEffort must be a string");
    assertInvalid("{\"generation\":{\"toolChoice\":{\"type\":\"always\"}}}",
        "config.generation.toolChoice must be {\"type\": auto|none|requiredAny|specific}");
    assertInvalid("{\"generation\":{\"toolChoice\":{\"type\":\"specific\"}}}", "config.generation.toolChoice of type specific needs a toolId");
    assertInvalid("{\"model\":{\"providerId\":\"p\",\"apiKind\":\"a\",\"model\":\" \"}}", "config.model.model must not be empty");
    assertInvalid("{\"model\":{\"providerId\":\"p\",\"apiKind\":\"a\",\"model\":\"m\",\"temperature\":1}}", "config.model has unknown field \"temperature\"");
    assertInvalid("{\"context\":{\"compaction\":{\"mode\":\"providerStandalone\",\"target_tokens\":-5}}}",
        "config.context.compaction.target_tokens must be an integer between 0 and 4294967295");
  }

  @Test
  void aWronglyTypedSectionIsInvalid() {
    assertInvalid("{\"limits\":3}", "invalid config: field \"limits\" must be an object");
    assertInvalid("{\"features\":[]}", "invalid config: field \"features\" must be an object");
  }

  @Test
  void aMissingOrMistypedModelFieldNamesItsFullPath() {
    assertThatThrownBy(() -> SessionConfigParser.parseSession(json("{\"model\":{\"providerId\":\"p\",\"apiKind\":\"a\"}}")))
        .hasMessageContaining("config.model.model");
    assertThatThrownBy(() -> SessionConfigParser.parseSession(json("{\"model\":{\"providerId\":1,\"apiKind\":\"a\",\"model\":\"m\"}}")))
        .hasMessageContaining("config.model.providerId");
  }

  @Test
  void nullMembersCountAsAbsent() {
    assertThat(SessionConfigParser.parseSession(json("{\"model\":null,\"limits\":null}"))).isEqualTo(SessionSettings.DEFAULT);
  }

  @Test
  void runConfigsMayOnlyOverrideGenerationAndLimits() {
    SessionConfigParser.checkRun(json("{\"generation\":{\"reasoningEffort\":\"low\"},\"limits\":{\"maxTurns\":2}}"));
    assertInvalidRun("{\"model\":{}}", "run config has unknown field \"model\"");
    assertInvalidRun("{\"limits\":{\"maxTurns\":-1}}", "run config.limits.maxTurns must be an integer between 0 and 4294967295");
    assertInvalidRun("{\"generation\":{\"top_p\":1}}", "run config.generation has unknown field \"top_p\"");
  }

  @Test
  void aRunsLimitsOverrideTheSessionsFieldByField() {
    RunLimits session = new RunLimits(10, 5);
    assertThat(SessionConfigParser.runLimits(Json.Obj.EMPTY, session)).isEqualTo(session);
    assertThat(SessionConfigParser.runLimits(json("{\"limits\":{\"maxTurns\":3}}"), session)).isEqualTo(new RunLimits(3, 5));
    assertThat(SessionConfigParser.runLimits(json("{\"limits\":{\"maxToolRounds\":0}}"), session)).isEqualTo(new RunLimits(10, 0));
  }

  @Test
  void aRunsGenerationSettingsOverrideTheSessionsAndNullRemovesNothing() {
    Json.Obj session = json("{\"reasoningEffort\":\"low\",\"maxOutputTokens\":50}");
    assertThat(SessionConfigParser.mergedGeneration(session, Json.Obj.EMPTY)).isSameAs(session);
    assertThat(SessionConfigParser.mergedGeneration(session, json("{\"generation\":{\"maxOutputTokens\":100,\"reasoningEffort\":null}}")))
        .isEqualTo(json("{\"reasoningEffort\":\"low\",\"maxOutputTokens\":100}"));
    assertThat(SessionConfigParser.mergedGeneration(session, json("{\"generation\":{}}"))).isSameAs(session);
    assertThat(Optional.of(SessionConfigParser.mergedGeneration(Json.Obj.EMPTY, json("{\"generation\":{\"parallelToolUse\":false}}"))))
        .contains(json("{\"parallelToolUse\":false}"));
  }
}
