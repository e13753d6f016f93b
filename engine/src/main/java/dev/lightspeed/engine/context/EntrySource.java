package dev.lightspeed.engine.context;

/** Where a context entry came from, so transcripts can render run input, steering and model output apart. */
public sealed interface EntrySource {
  ContextEdit CONTEXT_EDIT = new ContextEdit();

  /** {@return the run the entry belongs to, or 0} */
  default long runId() {
    return 0;
  }

  /** Added by a context edit command. */
  record ContextEdit() implements EntrySource {}

  /** Item {@code index} of the input of run {@code run}. */
  record RunInput(long run, int index) implements EntrySource {
    @Override
    public long runId() {
      return run;
    }
  }

  /** Item {@code index} of steering message {@code steering} of run {@code run}. */
  record Steering(long run, long steering, int index) implements EntrySource {
    @Override
    public long runId() {
      return run;
    }
  }

  /** Output of the model in turn {@code turn}. */
  record AssistantOutput(long run, long turn) implements EntrySource {
    @Override
    public long runId() {
      return run;
    }
  }

  /** A tool result from batch {@code batch}. */
  record Tool(long run, long turn, long batch) implements EntrySource {
    @Override
    public long runId() {
      return run;
    }
  }

  /** Added by the runtime itself (catalogs, instructions discovered from files), labelled for display. */
  record Runtime(String label) implements EntrySource {}
}
