package dev.lightspeed.bench;

/** Where a hosted benchmark's Temporal server runs relative to the worker being measured. */
public enum TemporalPlacement {
  /** In the worker's JVM, as in embedded mode ({@code lightspeed server} with no Temporal address). */
  IN_PROCESS,
  /** In a child JVM, as a worker talking to a Temporal cluster sees it: the worker's heap is its own. */
  SEPARATE_PROCESS
}
