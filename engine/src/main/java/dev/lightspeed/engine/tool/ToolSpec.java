package dev.lightspeed.engine.tool;

import dev.lightspeed.engine.cas.BlobRef;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A tool the model may call. The full definition the provider sees (description, JSON schema, or a
 * provider-native tool) lives in the {@code spec} blob; the engine keeps only what it schedules by, including
 * whether a call must be approved before it runs.
 */
public record ToolSpec(String name, BlobRef spec, Parallelism parallelism, RetrySafety retrySafety, Approval approval) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  public ToolSpec {
    Objects.requireNonNull(name, "name");
    if (!NAME.matcher(name).matches()) throw new IllegalArgumentException("invalid tool name: \"" + name + "\" (expected 1-64 of [A-Za-z0-9_-])");
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(parallelism, "parallelism");
    Objects.requireNonNull(retrySafety, "retrySafety");
    Objects.requireNonNull(approval, "approval");
  }

  /** A tool whose calls run without asking anyone. */
  public ToolSpec(String name, BlobRef spec, Parallelism parallelism, RetrySafety retrySafety) {
    this(name, spec, parallelism, retrySafety, Approval.NEVER);
  }

  public static boolean validName(String name) {
    return name != null && NAME.matcher(name).matches();
  }
}
