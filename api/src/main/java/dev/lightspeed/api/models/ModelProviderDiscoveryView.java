package dev.lightspeed.api.models;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lightspeed.api.Fields;
import java.util.List;

/**
 * The contract's {@code ModelProviderDiscoveryView}: how model discovery went for one provider, so a client
 * can explain an empty model list (missing credential, fetch error).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelProviderDiscoveryView(
    String providerId,
    List<String> apiKinds,
    ModelProviderCredentialStatus credential,
    ModelProviderCredentialSource credentialSource,
    Long fetchedAtMs,
    String error) {
  public ModelProviderDiscoveryView {
    Fields.required(providerId, "providerId");
    apiKinds = Fields.requiredList(apiKinds, "apiKinds");
    Fields.required(credential, "credential");
    Fields.required(credentialSource, "credentialSource");
  }
}
