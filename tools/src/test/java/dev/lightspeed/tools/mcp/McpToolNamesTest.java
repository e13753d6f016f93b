package dev.lightspeed.tools.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lightspeed.engine.tool.ToolSpec;
import org.junit.jupiter.api.Test;

class McpToolNamesTest {
  @Test
  void namesJoinServerAndToolWithDoubleUnderscores() {
    assertThat(McpToolNames.of("everything", "get-sum")).isEqualTo("mcp__everything__get-sum");
  }

  @Test
  void charactersProvidersRefuseBecomeUnderscores() {
    assertThat(McpToolNames.of("docs.example", "search files/v2")).isEqualTo("mcp__docs_example__search_files_v2");
  }

  @Test
  void longNamesAreCutTo64WithAHashOfTheFullName() {
    String a = McpToolNames.of("a-very-long-server-identifier", "a-tool-whose-name-goes-on-and-on-and-on-1");
    String b = McpToolNames.of("a-very-long-server-identifier", "a-tool-whose-name-goes-on-and-on-and-on-2");

    assertThat(a).hasSize(64).startsWith("mcp__a-very-long-server-identifier__a-tool-whose-name-g_").matches("[A-Za-z0-9_-]{1,64}");
    assertThat(b).hasSize(64).isNotEqualTo(a);
    assertThat(ToolSpec.validName(a)).isTrue();
  }
}
