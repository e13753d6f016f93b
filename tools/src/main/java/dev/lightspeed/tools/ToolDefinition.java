package dev.lightspeed.tools;

import dev.lightspeed.engine.json.Json;
import dev.lightspeed.engine.tool.Approval;
import dev.lightspeed.engine.tool.Parallelism;
import dev.lightspeed.engine.tool.RetrySafety;
import dev.lightspeed.engine.tool.ToolSpec;
import java.util.Objects;

/**
 * What the model is told about a tool and how the engine schedules it: name, description, JSON schema of the
 * arguments, parallelism, retry safety and whether calls wait for a person's approval. {@link #specJson()} is the function spec stored as the
 * {@link ToolSpec}'s blob.
 */
public record ToolDefinition(
    String name, String description, Json.Obj parameters, Parallelism parallelism, RetrySafety retrySafety, Approval approval) {
  public ToolDefinition {
    if (!ToolSpec.validName(name)) throw new IllegalArgumentException("invalid tool name: \"" + name + "\"");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(parameters, "parameters");
    Objects.requireNonNull(parallelism, "parallelism");
    Objects.requireNonNull(retrySafety, "retrySafety");
    Objects.requireNonNull(approval, "approval");
  }

  /** A tool whose calls run without asking anyone. */
  public ToolDefinition(String name, String description, Json.Obj parameters, Parallelism parallelism, RetrySafety retrySafety) {
    this(name, description, parameters, parallelism, retrySafety, Approval.NEVER);
  }

  /** {@return {@code {"type":"function","name","description","parameters"}}, the form adapters read} */
  public Json.Obj specJson() {
    return Json.Obj.builder()
        .put("type", "function")
        .put("name", name)
        .put("description", description)
        .put("parameters", parameters)
        .build();
  }
}
