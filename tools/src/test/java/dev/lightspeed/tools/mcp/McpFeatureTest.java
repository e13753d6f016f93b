package dev.lightspeed.tools.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeed.engine.json.CanonicalJson;
import dev.lightspeed.engine.json.Json;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class McpFeatureTest {
  private static Json.Obj config(String mcp) {
    return CanonicalJson.parseObject("{\"features\":{\"mcp\":" + mcp + "}}");
  }

  @Test
  void linksCarryTheirOverrides() {
    McpFeature feature = McpFeature.fromConfig(config(
        "{\"version\":1,\"servers\":[{\"serverId\":\"a\"},{\"serverId\":\"b\",\"allowedTools\":[\"echo\"],\"approval\":\"always\"}]}"))
        .orElseThrow();

    assertThat(feature.servers()).containsExactly(
        new McpFeature.Link("a", Optional.empty(), Optional.empty(), Optional.empty()),
        new McpFeature.Link("b", Optional.of(List.of("echo")), Optional.of("always"), Optional.empty()));
  }

  @Test
  void aConfigWithoutTheFeatureHasNone() {
    assertThat(McpFeature.fromConfig(CanonicalJson.parseObject("{\"features\":{}}"))).isEmpty();
  }

  @Test
  void malformedFeaturesAreRefusedNamingTheField() {
    assertThatThrownBy(() -> McpFeature.fromConfig(config("{\"servers\":[]}")))
        .hasMessage("features.mcp.servers must link at least one server (leave features.mcp out for none)");
    assertThatThrownBy(() -> McpFeature.fromConfig(config("{\"servers\":[{\"serverId\":\"a\"},{\"serverId\":\"a\"}]}")))
        .hasMessage("features.mcp.servers[1].serverId \"a\" is linked twice");
    assertThatThrownBy(() -> McpFeature.fromConfig(config("{\"servers\":[{\"serverId\":\"a\",\"url\":\"x\"}]}")))
        .hasMessage("features.mcp.servers[0] has an unknown field \"url\"");
    assertThatThrownBy(() -> McpFeature.fromConfig(config("{\"servers\":[{\"serverId\":\"a\",\"approval\":\"maybe\"}]}")))
        .hasMessage("features.mcp.servers[0].approval \"maybe\" is not providerDefault, always or never");
    assertThatThrownBy(() -> McpFeature.fromConfig(config("{}"))).hasMessage("features.mcp.servers is required");
  }
}
