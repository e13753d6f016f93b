package dev.lightspeed.api.models;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lightspeed.api.Fields;
import java.util.List;

/** Result of {@code models/list}: the discovered models and how discovery went per provider. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelListResponse(List<ModelView> models, List<ModelProviderDiscoveryView> providers) {
  public ModelListResponse {
    models = Fields.listOrEmpty(models, "models");
    providers = Fields.listOrEmpty(providers, "providers");
  }
}
