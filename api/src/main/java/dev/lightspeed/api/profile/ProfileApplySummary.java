package dev.lightspeed.api.profile;

/**
 * The contract's {@code ProfileApplySummary}: what applying a profile changed. A section the profile leaves
 * out, or one already as the profile has it, reports {@code false}.
 */
public record ProfileApplySummary(
    boolean configChanged, boolean instructionsChanged, boolean activeEnvironmentChanged, boolean environmentProvisioned) {
  /** Nothing changed. */
  public static final ProfileApplySummary NONE = new ProfileApplySummary(false, false, false, false);
}
