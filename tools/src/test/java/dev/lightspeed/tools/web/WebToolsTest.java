package dev.lightspeed.tools.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeed.engine.json.CanonicalJson;
import dev.lightspeed.engine.tool.ToolSpec;
import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.memory.InMemoryBlobStore;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which web tool specs a grant gives each API kind, and the exact native definitions stored for web_search. */
class WebToolsTest {
  private final InMemoryBlobStore blobs = new InMemoryBlobStore();

  private List<String> specs(String web, String apiKind) {
    WebFeature feature = WebFeature.parse(CanonicalJson.parse(web));
    List<ToolSpec> specs = WebTools.specs(feature, apiKind, new WebFetch(), blobs, UniverseId.DEFAULT);
    return specs.stream().map(s -> s.name() + " " + new String(blobs.read(UniverseId.DEFAULT, s.spec()), StandardCharsets.UTF_8)).toList();
  }

  @Test
  void responsesGetsTheNativeWebSearchWithBothDomainFilters() {
    assertThat(specs("{\"search\":{\"allowedDomains\":[\"example.com\"],\"blockedDomains\":[\"ads.example.com\"]}}", "openai:responses"))
        .containsExactly("web_search {\"apiKind\":\"openai:responses\",\"definition\":{\"filters\":{\"allowed_domains\":[\"example.com\"],"
            + "\"blocked_domains\":[\"ads.example.com\"]},\"type\":\"web_search\"},\"type\":\"native\"}");
    assertThat(specs("{\"search\":{}}", "openai:responses"))
        .containsExactly("web_search {\"apiKind\":\"openai:responses\",\"definition\":{\"type\":\"web_search\"},\"type\":\"native\"}");
  }

  @Test
  void anthropicGetsTheWebSearchServerToolWithOneDomainList() {
    assertThat(specs("{\"search\":{\"allowedDomains\":[\"docs.example.com\"]}}", "anthropic:messages"))
        .containsExactly("web_search {\"apiKind\":\"anthropic:messages\",\"definition\":{\"allowed_domains\":[\"docs.example.com\"],"
            + "\"name\":\"web_search\",\"type\":\"web_search_20250305\"},\"type\":\"native\"}");
    assertThatThrownBy(() -> specs("{\"search\":{\"allowedDomains\":[\"a.com\"],\"blockedDomains\":[\"b.com\"]}}", "anthropic:messages"))
        .hasMessage("features.web.search: Anthropic's web search takes allowedDomains or blockedDomains, not both");
  }

  @Test
  void chatCompletionsHasNoWebSearchAndGetsOnlyWebFetch() {
    List<String> specs = specs("{\"fetch\":{},\"search\":{}}", "openai:completions");

    assertThat(specs).hasSize(1);
    assertThat(specs.get(0)).startsWith("web_fetch {\"description\":\"Fetch a public web page");
  }

  @Test
  void webFetchIsAFunctionSpecTheSameForEveryApiKind() {
    assertThat(specs("{\"fetch\":{}}", "anthropic:messages")).isEqualTo(specs("{\"fetch\":{}}", "openai:responses"));
    assertThat(specs("{\"fetch\":{}}", "openai:responses").get(0)).contains("\"name\":\"web_fetch\"", "\"type\":\"function\"");
  }
}
