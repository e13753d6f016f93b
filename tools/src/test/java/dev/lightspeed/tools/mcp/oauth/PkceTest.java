package dev.lightspeed.tools.mcp.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PkceTest {
  @Test
  void theChallengeIsTheUnpaddedBase64UrlOfTheVerifiersSha256() {
    // computed independently (Python hashlib + urlsafe_b64encode, padding stripped)
    assertThat(Pkce.challenge("dBjftJeZ4CVP-mJ92SfnuUtXtb5-7r6bcgjvlqYp8lPp0f8yFHzBGuCAO9X5ZAxpA2DBn-xwsqE"))
        .isEqualTo("C9XRJ6kgak5kfJmYE5QwjxzN4vYrk_x_8GhD6enxlUs");
  }

  @Test
  void freshPairsHave43CharacterVerifiersThatNeverRepeat() {
    SecureRandom random = new SecureRandom();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      Pkce pkce = Pkce.create(random);
      assertThat(pkce.verifier()).hasSize(43).matches("[A-Za-z0-9_-]+");
      assertThat(pkce.challenge()).isEqualTo(Pkce.challenge(pkce.verifier())).hasSize(43);
      assertThat(seen.add(pkce.verifier())).isTrue();
      assertThat(pkce.toString()).doesNotContain(pkce.verifier());
    }
  }

  @Test
  void aShortVerifierOrAForeignChallengeIsRefused() {
    assertThatThrownBy(() -> new Pkce("short", Pkce.challenge("short"))).isInstanceOf(IllegalArgumentException.class);
    String verifier = "a".repeat(43);
    assertThatThrownBy(() -> new Pkce(verifier, Pkce.challenge("b".repeat(43)))).hasMessage("the challenge is not the S256 of the verifier");
  }

  @Test
  void challengeParametersAreParsedQuotedOrBare() {
    assertThat(OAuthDiscovery.authParams("Bearer error=\"invalid_token\", resource_metadata=\"https://x.example/.well-known/oauth-protected-resource\", scope=mcp"))
        .containsEntry("resource_metadata", "https://x.example/.well-known/oauth-protected-resource")
        .containsEntry("error", "invalid_token")
        .containsEntry("scope", "mcp");
    assertThat(OAuthDiscovery.wellKnown(java.net.URI.create("https://x.example/a/mcp"), "oauth-protected-resource"))
        .extracting(Object::toString)
        .containsExactly("https://x.example/.well-known/oauth-protected-resource/a/mcp", "https://x.example/.well-known/oauth-protected-resource");
  }
}
