package dev.lightspeed.engine.session;

import dev.lightspeed.engine.json.Json;
import dev.lightspeed.engine.json.JsonShapeException;
import dev.lightspeed.engine.llm.ModelRef;
import dev.lightspeed.engine.run.RunLimits;
import java.util.Optional;
import java.util.Set;

/**
 * Reads session and run config documents (the v1 contract's {@code SessionConfig} and
 * {@code RunStartConfig}) into {@link SessionSettings}. Sections the engine does not interpret
 * ({@code features}) are kept in the document and checked only for being objects.
 */
public final class SessionConfigParser {
  private static final Set<String> SESSION_KEYS = Set.of("model", "generation", "limits", "context", "features");
  private static final Set<String> RUN_KEYS = Set.of("generation", "limits");
  private static final Set<String> GENERATION_KEYS = Set.of("maxOutputTokens", "parallelToolUse", "processingTier", "reasoningEffort", "toolChoice");
  private static final Set<String> LIMIT_KEYS = Set.of("maxTurns", "maxToolRounds");
  private static final long UINT32_MAX = 0xFFFF_FFFFL;

  private SessionConfigParser() {}

  /** @throws ConfigException naming the offending path */
  public static SessionSettings parseSession(Json.Obj doc) {
    try {
      onlyKeys(doc, SESSION_KEYS, "config");
      Optional<ModelRef> model = doc.findObject("model").map(SessionConfigParser::model);
      Json.Obj generation = doc.findObject("generation").orElse(Json.Obj.EMPTY);
      checkGeneration(generation, "config.generation");
      RunLimits limits = limits(doc.findObject("limits").orElse(Json.Obj.EMPTY), RunLimits.DEFAULT, "config.limits");
      CompactionPolicy compaction = CompactionPolicy.DISABLED;
      Optional<Json.Obj> context = doc.findObject("context");
      if (context.isPresent()) {
        onlyKeys(context.get(), Set.of("compaction"), "config.context");
        compaction = context.get().findObject("compaction").map(SessionConfigParser::compaction).orElse(CompactionPolicy.DISABLED);
      }
      doc.findObject("features");
      return new SessionSettings(model, generation, limits, compaction);
    } catch (JsonShapeException e) {
      throw new ConfigException("invalid config: " + e.getMessage());
    }
  }

  /** Checks a run's config overrides; {@link #runLimits} and {@link #mergedGeneration} read them. */
  public static void checkRun(Json.Obj runConfig) {
    try {
      onlyKeys(runConfig, RUN_KEYS, "run config");
      checkGeneration(runConfig.findObject("generation").orElse(Json.Obj.EMPTY), "run config.generation");
      limits(runConfig.findObject("limits").orElse(Json.Obj.EMPTY), RunLimits.DEFAULT, "run config.limits");
    } catch (JsonShapeException e) {
      throw new ConfigException("invalid run config: " + e.getMessage());
    }
  }

  /** {@return the run's limits: its own where set, else the session's} */
  public static RunLimits runLimits(Json.Obj runConfig, RunLimits session) {
    return limits(runConfig.findObject("limits").orElse(Json.Obj.EMPTY), session, "run config.limits");
  }

  /** {@return the session's generation settings with the run's overrides on top} */
  public static Json.Obj mergedGeneration(Json.Obj session, Json.Obj runConfig) {
    Optional<Json.Obj> overrides = runConfig.findObject("generation");
    if (overrides.isEmpty() || overrides.get().members().isEmpty()) return session;
    Json.Obj.Builder b = Json.Obj.builder();
    session.members().forEach(b::put);
    overrides.get().members().forEach((k, v) -> {
      if (!(v instanceof Json.Null)) b.put(k, v);
    });
    return b.build();
  }

  private static ModelRef model(Json.Obj m) {
    onlyKeys(m, Set.of("providerId", "apiKind", "model"), "config.model");
    return new ModelRef(nonEmpty(m, "providerId", "config.model"), nonEmpty(m, "apiKind", "config.model"), nonEmpty(m, "model", "config.model"));
  }

  private static String nonEmpty(Json.Obj obj, String field, String path) {
    Json value = obj.find(field).orElseThrow(() -> new ConfigException(path + "." + field + " is required"));
    if (!(value instanceof Json.Str str)) throw new ConfigException(path + "." + field + " must be a string");
    if (str.value().isBlank()) throw new ConfigException(path + "." + field + " must not be empty");
    return str.value();
  }

  private static void checkGeneration(Json.Obj g, String path) {
    onlyKeys(g, GENERATION_KEYS, path);
    g.find("maxOutputTokens").ifPresent(v -> uint32(v, path + ".maxOutputTokens"));
    g.find("parallelToolUse").ifPresent(v -> {
      if (!(v instanceof Json.Bool)) throw new ConfigException(path + ".parallelToolUse must be a boolean");
    });
    g.find("reasoningEffort").ifPresent(v -> {
      if (!(v instanceof Json.Str)) throw new ConfigException(path + ".reasoningEffort must be a string");
    });
    g.find("processingTier").ifPresent(v -> {
      if (!(v instanceof Json.Str)) throw new ConfigException(path + ".processingTier must be a string");
    });
    g.find("toolChoice").ifPresent(v -> {
      if (!(v instanceof Json.Obj o) || !(o.find("type").orElse(Json.NULL) instanceof Json.Str t)
          || !Set.of("auto", "none", "requiredAny", "specific").contains(t.value())) {
        throw new ConfigException(path + ".toolChoice must be {\"type\": auto|none|requiredAny|specific}");
      }
      if (t.value().equals("specific") && !(o.find("toolId").orElse(Json.NULL) instanceof Json.Str)) {
        throw new ConfigException(path + ".toolChoice of type specific needs a toolId");
      }
    });
  }

  private static RunLimits limits(Json.Obj l, RunLimits defaults, String path) {
    onlyKeys(l, LIMIT_KEYS, path);
    long turns = l.find("maxTurns").map(v -> uint32(v, path + ".maxTurns")).orElse(defaults.maxTurns());
    long rounds = l.find("maxToolRounds").map(v -> uint32(v, path + ".maxToolRounds")).orElse(defaults.maxToolRounds());
    return new RunLimits(turns, rounds);
  }

  private static CompactionPolicy compaction(Json.Obj c) {
    String path = "config.context.compaction";
    String mode = c.findString("mode").orElseThrow(() -> new ConfigException(path + ".mode is required"));
    long threshold = c.find("compact_threshold_tokens").map(v -> uint32(v, path + ".compact_threshold_tokens")).orElse(0L);
    long target = c.find("target_tokens").map(v -> uint32(v, path + ".target_tokens")).orElse(0L);
    return switch (mode) {
      case "disabled" -> {
        onlyKeys(c, Set.of("mode"), path);
        yield CompactionPolicy.DISABLED;
      }
      case "providerTriggered" -> {
        onlyKeys(c, Set.of("mode", "compact_threshold_tokens"), path);
        yield new CompactionPolicy(CompactionPolicy.Mode.PROVIDER_TRIGGERED, threshold, 0);
      }
      case "providerStandalone" -> {
        onlyKeys(c, Set.of("mode", "compact_threshold_tokens", "target_tokens"), path);
        yield new CompactionPolicy(CompactionPolicy.Mode.PROVIDER_STANDALONE, threshold, target);
      }
      default -> throw new ConfigException(path + ".mode must be disabled, providerTriggered or providerStandalone, not \"" + mode + "\"");
    };
  }

  private static long uint32(Json v, String path) {
    if (v instanceof Json.Num n && n.isIntegral() && n.longValue() >= 0 && n.longValue() <= UINT32_MAX) return n.longValue();
    throw new ConfigException(path + " must be an integer between 0 and " + UINT32_MAX);
  }

  private static void onlyKeys(Json.Obj obj, Set<String> allowed, String path) {
    for (String key : obj.members().keySet()) {
      if (!allowed.contains(key)) throw new ConfigException(path + " has unknown field \"" + key + "\"");
    }
  }
}
