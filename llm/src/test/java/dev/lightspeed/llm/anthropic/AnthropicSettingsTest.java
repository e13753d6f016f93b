package dev.lightspeed.llm.anthropic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lightspeed.engine.json.CanonicalJson;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnthropicSettingsTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "{}                                                        | 8192  | 0     | |     | false",
      "{\"maxOutputTokens\":1000}                                | 1000  | 0     | |     | false",
      "{\"reasoningEffort\":\"none\"}                            | 8192  | 0     | |     | false",
      "{\"reasoningEffort\":\"minimal\"}                         | 9216  | 1024  | |     | false",
      "{\"reasoningEffort\":\"low\"}                             | 10240 | 2048  | |     | false",
      "{\"reasoningEffort\":\"high\"}                            | 32768 | 24576 | |     | false",
      "{\"reasoningEffort\":\"high\",\"maxOutputTokens\":4096}   | 4096  | 4095  | |     | false",
      "{\"reasoningEffort\":\"low\",\"maxOutputTokens\":1025}    | 1025  | 1024  | |     | false",
      "{\"reasoningEffort\":\"low\",\"maxOutputTokens\":1024}    | 1024  | 0     | |     | false",
      "{\"toolChoice\":{\"type\":\"auto\"}}                      | 8192  | 0     | auto |  | false",
      "{\"toolChoice\":{\"type\":\"none\"},\"parallelToolUse\":false} | 8192 | 0 | none |  | false",
      "{\"toolChoice\":{\"type\":\"requiredAny\"}}               | 8192  | 0     | any  |  | false",
      "{\"toolChoice\":{\"type\":\"specific\",\"toolId\":\"t\"}} | 8192  | 0     | tool | t | false",
      "{\"parallelToolUse\":false}                               | 8192  | 0     | auto |  | true",
      "{\"parallelToolUse\":true}                                | 8192  | 0     | |     | false",
  })
  void generationSettingsMapToMessagesApiFields(String generation, long maxTokens, long budget, String choice, String tool, boolean disableParallel)
      throws Exception {
    AnthropicSettings settings = AnthropicSettings.from("anthropic", CanonicalJson.parseObject(generation));

    assertThat(settings).isEqualTo(new AnthropicSettings(maxTokens, budget, choice, tool, disableParallel));
  }
}
