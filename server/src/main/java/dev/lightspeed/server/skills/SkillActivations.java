package dev.lightspeed.server.skills;

import dev.lightspeed.api.skills.SkillActivationScope;
import dev.lightspeed.api.skills.SkillActivationSource;
import dev.lightspeed.api.skills.SkillActivationView;
import dev.lightspeed.engine.context.ContextEntry;
import dev.lightspeed.engine.context.EntryKind;
import dev.lightspeed.engine.session.SessionState;
import java.util.List;
import java.util.Optional;

/**
 * Skills activated through the API, kept as keyed {@code SKILL_ACTIVATION} entries whose key says the scope:
 * {@code skill_activation/session/<skill>} lasts until deactivated, {@code skill_activation/run-<n>/<skill>}
 * for run {@code n} only (the run that starts next when it was activated), and is dropped when a later run
 * is prepared.
 */
public final class SkillActivations {
  public static final String PREFIX = "skill_activation/";

  private SkillActivations() {}

  /** An activation key, read back. {@code run} is 0 for session scope. */
  public record Key(SkillActivationScope scope, long run, String skillId) {
    @Override
    public String toString() {
      return PREFIX + (scope == SkillActivationScope.SESSION ? "session" : "run-" + run) + "/" + skillId;
    }
  }

  /** {@return {@code key} read as an activation key, or empty when it is none} */
  public static Optional<Key> parse(String key) {
    if (key == null || !key.startsWith(PREFIX)) return Optional.empty();
    String rest = key.substring(PREFIX.length());
    int slash = rest.indexOf('/');
    if (slash < 0 || slash == rest.length() - 1) return Optional.empty();
    String scope = rest.substring(0, slash);
    String skill = rest.substring(slash + 1);
    if (scope.equals("session")) return Optional.of(new Key(SkillActivationScope.SESSION, 0, skill));
    if (!scope.startsWith("run-")) return Optional.empty();
    try {
      return Optional.of(new Key(SkillActivationScope.RUN, Long.parseLong(scope.substring(4)), skill));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** {@return the activation entries of {@code state}'s context, in context order} */
  static List<ContextEntry> entries(SessionState state) {
    return state.context().entries().stream()
        .filter(e -> e.kind() == EntryKind.SKILL_ACTIVATION && parse(e.key()).isPresent()).toList();
  }

  /** {@return keys of run-scoped activations for runs before {@code run}, which a preparation of {@code run} drops} */
  static List<String> endedRunScoped(SessionState state, long run) {
    return entries(state).stream().map(ContextEntry::key)
        .filter(k -> parse(k).filter(p -> p.scope() == SkillActivationScope.RUN && p.run() < run).isPresent()).toList();
  }

  /** {@return the contract's view of activation entry {@code entry}; {@code catalogRef} is the current catalog's} */
  static SkillActivationView view(ContextEntry entry, String catalogRef) {
    Key key = parse(entry.key()).orElseThrow();
    return new SkillActivationView(SkillCatalog.CATALOG_ID, key.skillId(), catalogRef, key.skillId(), entry.item().preview(), null,
        key.scope(), new SkillActivationSource.DirectContext(entry.item().content().toString()));
  }
}
