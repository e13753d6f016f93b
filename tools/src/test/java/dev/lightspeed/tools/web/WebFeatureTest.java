package dev.lightspeed.tools.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeed.engine.json.CanonicalJson;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WebFeatureTest {
  private static Optional<WebFeature> parse(String config) {
    return WebFeature.fromConfig(CanonicalJson.parseObject(config));
  }

  @Test
  void fetchAndSearchAreGrantedIndependently() {
    assertThat(parse("{\"features\":{\"web\":{\"fetch\":{}}}}")).contains(new WebFeature(1, Optional.of(new WebFeature.Fetch()), Optional.empty()));
    assertThat(parse("{\"features\":{\"web\":{\"version\":1,\"fetch\":null,\"search\":{\"allowedDomains\":[\"example.com\"]}}}}"))
        .contains(new WebFeature(1, Optional.empty(), Optional.of(new WebFeature.Search(Optional.of(List.of("example.com")), List.of()))));
  }

  @Test
  void noWebBlockOrANullOneGrantsNothing() {
    assertThat(parse("{}")).isEmpty();
    assertThat(parse("{\"features\":{\"vfs\":{}}}")).isEmpty();
    assertThat(parse("{\"features\":{\"web\":null}}")).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      {}                                          | features.web grants neither fetch nor search
      {"fetch":{"timeout":5}}                     | features.web.fetch has an unknown field "timeout"
      {"fetch":{},"browse":{}}                    | features.web has an unknown field "browse"
      {"version":2,"fetch":{}}                    | features.web.version 2 is not supported (expected 1)
      {"search":{"allowedDomains":[]}}            | features.web.search.allowedDomains must not be empty (leave it out to allow all domains)
      {"search":{"blockedDomains":"a.com"}}       | features.web.search.blockedDomains must be an array of domain names
      {"search":{"allowedDomains":["https://a.com"]}} | features.web.search.allowedDomains[0] "https://a.com" is not a domain (write example.com, without a scheme)
      {"fetch":true}                              | features.web.fetch must be an object
      """)
  void aMalformedBlockIsRefusedNamingTheField(String web, String message) {
    assertThatThrownBy(() -> parse("{\"features\":{\"web\":" + web + "}}")).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
  }
}
