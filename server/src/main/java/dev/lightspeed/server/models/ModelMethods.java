package dev.lightspeed.server.models;

import dev.lightspeed.api.Methods;
import dev.lightspeed.api.models.ModelCapabilitiesView;
import dev.lightspeed.api.models.ModelListParams;
import dev.lightspeed.api.models.ModelListResponse;
import dev.lightspeed.api.models.ModelProviderCredentialSource;
import dev.lightspeed.api.models.ModelProviderCredentialStatus;
import dev.lightspeed.api.models.ModelProviderDiscoveryView;
import dev.lightspeed.api.models.ModelSource;
import dev.lightspeed.api.models.ModelView;
import dev.lightspeed.llm.ProviderException;
import dev.lightspeed.llm.config.ConfigurationException;
import dev.lightspeed.llm.config.ProviderConfig;
import dev.lightspeed.llm.config.ProviderRegistry;
import dev.lightspeed.llm.models.ModelCatalog;
import dev.lightspeed.llm.models.ModelInfo;
import dev.lightspeed.server.rpc.MethodTable;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * {@code models/list}: one route per model each configured provider lists, under the provider's preferred
 * API kind, plus how discovery went per provider. One provider failing does not hide the others' models;
 * its error is reported in its discovery entry instead.
 */
public final class ModelMethods {
  /** Model-id families that are not text generation routes, dropped when {@code selectableOnly} is set. */
  static final Pattern NOT_SELECTABLE = Pattern.compile(
      ".*(embedding|moderation|whisper|tts|dall-e|gpt-image|image|realtime|transcribe|audio|search|davinci|babbage).*");

  private final ProviderRegistry providers;
  private final ModelCatalog catalog;
  private final InstantSource clock;

  public ModelMethods(ProviderRegistry providers, ModelCatalog catalog, InstantSource clock) {
    this.providers = Objects.requireNonNull(providers, "providers");
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public void register(MethodTable.Builder table) {
    table.on(Methods.MODELS_LIST, ModelListParams.class, this::list);
  }

  private ModelListResponse list(ModelListParams params) {
    boolean selectableOnly = Boolean.TRUE.equals(params.selectableOnly());
    List<ModelView> models = new ArrayList<>();
    List<ModelProviderDiscoveryView> discovery = new ArrayList<>();
    for (ProviderConfig provider : providers.all().values()) {
      List<String> apiKinds = apiKinds(provider);
      long fetchedAt = clock.millis();
      String error = null;
      try {
        for (ModelInfo model : catalog.list(provider.id())) {
          if (selectableOnly && NOT_SELECTABLE.matcher(model.id()).matches()) continue;
          models.add(new ModelView(provider.id(), apiKinds.getFirst(), model.id(), model.displayName(), ModelCapabilitiesView.UNKNOWN,
              ModelSource.PROVIDER, fetchedAt, model.createdAt() > 0 ? model.createdAt() * 1000 : null));
        }
      } catch (ProviderException e) {
        error = e.error().message();
      } catch (ConfigurationException e) {
        error = e.getMessage();
      }
      boolean keyed = provider.keys().size() > 0;
      discovery.add(new ModelProviderDiscoveryView(provider.id(), apiKinds,
          keyed ? ModelProviderCredentialStatus.CONFIGURED : ModelProviderCredentialStatus.NOT_REQUIRED,
          keyed ? ModelProviderCredentialSource.DEPLOYMENT : ModelProviderCredentialSource.NONE,
          error == null ? fetchedAt : null, error));
    }
    return new ModelListResponse(models, discovery);
  }

  /** The API kinds a provider is spoken to with, the preferred first. */
  static List<String> apiKinds(ProviderConfig provider) {
    return switch (ModelCatalog.ApiStyle.of(provider)) {
      case ANTHROPIC -> List.of("anthropic:messages");
      case OPENAI -> provider.id().equals("openai") ? List.of("openai:responses", "openai:completions") : List.of("openai:completions");
    };
  }
}
