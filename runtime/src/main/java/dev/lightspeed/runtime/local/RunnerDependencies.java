package dev.lightspeed.runtime.local;

import dev.lightspeed.engine.llm.LlmPort;
import dev.lightspeed.engine.tool.ToolPort;
import dev.lightspeed.store.blob.BlobStore;
import dev.lightspeed.store.log.SessionLog;
import java.time.InstantSource;
import java.util.Objects;

/** What an in-process runner needs: the stores, the effect ports and a clock for entry timestamps. */
public record RunnerDependencies(SessionLog log, BlobStore blobs, LlmPort llm, ToolPort tools, InstantSource clock) {
  public RunnerDependencies {
    Objects.requireNonNull(log, "log");
    Objects.requireNonNull(blobs, "blobs");
    Objects.requireNonNull(llm, "llm");
    Objects.requireNonNull(tools, "tools");
    Objects.requireNonNull(clock, "clock");
  }
}
