package dev.lightspeed.runtime.local;

import dev.lightspeed.engine.cas.WellKnownBlob;
import dev.lightspeed.engine.command.Admission;
import dev.lightspeed.engine.command.Command;
import dev.lightspeed.engine.drive.Action;
import dev.lightspeed.engine.drive.Drive;
import dev.lightspeed.engine.drive.PreparationResult;
import dev.lightspeed.engine.drive.EffectContext;
import dev.lightspeed.engine.llm.CompactionRequest;
import dev.lightspeed.engine.llm.CompactionResult;
import dev.lightspeed.engine.llm.GenerationResult;
import dev.lightspeed.engine.llm.LlmRequest;
import dev.lightspeed.engine.log.LogEntry;
import dev.lightspeed.engine.run.RunOutcome;
import dev.lightspeed.engine.session.SessionState;
import dev.lightspeed.engine.tool.CallOutcome;
import dev.lightspeed.engine.tool.ToolBatchRequest;
import dev.lightspeed.engine.tool.ToolCallResult;
import dev.lightspeed.store.SessionId;
import dev.lightspeed.store.StoreIoException;
import dev.lightspeed.store.UniverseId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Drives one session in this process, without Temporal: a loop thread owns the session's {@link Drive},
 * appends to the session log, and runs effects (model calls, tool calls, compactions) on virtual threads
 * through the ports. Used for tests, evals and single-process use.
 *
 * <p>{@link #submit} returns once the command is durably admitted (its events are committed to the log) or
 * rejected; the work it starts happens afterwards. Cancellation interrupts in-flight effects of the run. If
 * the store fails for good the runner stops ({@link #failure()}) and every waiting caller gets a
 * {@link RunnerFailedException}; the log stays the source of truth and a new runner can be opened.
 *
 * <p>Thread-safe: any thread may submit and wait.
 */
public final class SessionRunner implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(SessionRunner.class.getName());
  private static final int APPEND_ATTEMPTS = 5;

  private final RunnerDependencies deps;
  private final UniverseId universe;
  private final SessionId session;
  private final Drive drive;
  private final LinkedBlockingQueue<Message> inbox = new LinkedBlockingQueue<>();
  private final Map<String, RunningEffect> effects = new ConcurrentHashMap<>();
  private final List<Consumer<List<LogEntry>>> listeners = new CopyOnWriteArrayList<>();
  private final Map<Long, List<CompletableFuture<RunOutcome>>> runWaiters = new HashMap<>();
  private final Object quietLock = new Object();
  private final Thread loop;
  private volatile SessionState committed;
  private volatile Throwable failure;
  private volatile boolean stopping;
  private boolean quiet;

  private SessionRunner(RunnerDependencies deps, UniverseId universe, SessionId session, SessionState state) {
    this.deps = deps;
    this.universe = universe;
    this.session = session;
    this.drive = Drive.resume(state);
    this.committed = state;
    this.loop = Thread.ofVirtual().name("lightspeed-session-" + session.value()).unstarted(this::runLoop);
  }

  /**
   * Opens an existing session: replays its log and starts driving it. Effects that were in flight when the
   * previous runner stopped are run again (or reported failed, for tools that are not retry-safe).
   *
   * @throws dev.lightspeed.store.log.SessionNotFoundException when there is no such session
   */
  public static SessionRunner open(RunnerDependencies deps, UniverseId universe, SessionId session) {
    SessionRunner runner = new SessionRunner(deps, universe, session, SessionLoader.load(deps.log(), universe, session));
    runner.loop.start();
    return runner;
  }

  public UniverseId universe() {
    return universe;
  }

  public SessionId session() {
    return session;
  }

  /** {@return the committed state after the last append} */
  public SessionState state() {
    return committed;
  }

  /** {@return why the runner stopped, or null while it runs} */
  public Throwable failure() {
    return failure;
  }

  /** Registers a listener for committed entries; it is called on the loop thread and must be fast. */
  public void addListener(Consumer<List<LogEntry>> listener) {
    listeners.add(listener);
  }

  /** Admits a command; the future completes once its events are committed (or it is rejected). */
  public CompletableFuture<Admission> submit(Command command) {
    CompletableFuture<Admission> done = new CompletableFuture<>();
    enqueueOrFail(new Message.Submit(command, done), done);
    return done;
  }

  /** Submits and waits for durable admission. */
  public Admission submitAndWait(Command command, Duration timeout) throws TimeoutException {
    return await(submit(command), timeout);
  }

  /**
   * Waits for a future of this runner.
   *
   * @throws TimeoutException when it is not done after {@code timeout}
   * @throws RunnerFailedException when the runner stopped
   */
  public static <T> T await(CompletableFuture<T> future, Duration timeout) throws TimeoutException {
    try {
      return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TimeoutException("interrupted while waiting");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) throw re;
      throw new RunnerFailedException("waiting failed: " + e.getCause(), e.getCause());
    }
  }

  /** {@return a future that completes with the run's outcome once it has finished} */
  public CompletableFuture<RunOutcome> outcome(long run) {
    CompletableFuture<RunOutcome> done = new CompletableFuture<>();
    enqueueOrFail(new Message.WatchRun(run, done), done);
    return done;
  }

  /**
   * Enqueues a caller's message, or fails its future when the runner has stopped. Checked again after the
   * enqueue: a loop that stopped in between has already drained the inbox and would never answer.
   */
  private void enqueueOrFail(Message message, CompletableFuture<?> done) {
    if (failure != null || stopping) {
      done.completeExceptionally(failed());
      return;
    }
    enqueue(message);
    if (failure != null || stopping) done.completeExceptionally(failed());
  }

  /**
   * Waits until the session has nothing to do: no command waiting, no effect running, no events to
   * append.
   *
   * @throws TimeoutException when it is still busy after {@code timeout}
   */
  public void awaitQuiet(Duration timeout) throws TimeoutException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (quietLock) {
      while (!quiet && failure == null) {
        long left = deadline - System.nanoTime();
        if (left <= 0) throw new TimeoutException("session " + session.value() + " still busy after " + timeout);
        try {
          quietLock.wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new TimeoutException("interrupted while waiting for session " + session.value());
        }
      }
    }
    if (failure != null) throw failed();
  }

  /** Stops the loop; effects still running are aborted and their results dropped. The log is untouched. */
  @Override
  public void close() {
    stopping = true;
    effects.values().forEach(RunningEffect::abort);
    inbox.add(new Message.Stop());
    try {
      loop.join(Duration.ofSeconds(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Fails every caller still waiting: on close, or when the loop stopped on an error. */
  private void failWaiters(List<CompletableFuture<Admission>> awaitingCommit) {
    RunnerFailedException err = failed();
    awaitingCommit.forEach(f -> f.completeExceptionally(err));
    runWaiters.values().forEach(list -> list.forEach(f -> f.completeExceptionally(err)));
    runWaiters.clear();
    Message m;
    while ((m = inbox.poll()) != null) {
      if (m instanceof Message.Submit s) s.done().completeExceptionally(err);
      if (m instanceof Message.WatchRun w) w.done().completeExceptionally(err);
    }
    effects.values().forEach(RunningEffect::abort);
    synchronized (quietLock) {
      quietLock.notifyAll();
    }
  }

  // ---- the loop -----------------------------------------------------------------------------------------

  private sealed interface Message {
    record Submit(Command command, CompletableFuture<Admission> done) implements Message {}

    record WatchRun(long run, CompletableFuture<RunOutcome> done) implements Message {}

    record Generated(GenerationResult result) implements Message {}

    record ToolDone(ToolCallResult result) implements Message {}

    record Compacted(CompactionResult result) implements Message {}

    record Stop() implements Message {}
  }

  private void enqueue(Message message) {
    synchronized (quietLock) {
      quiet = false;
      inbox.add(message);
    }
  }

  private void runLoop() {
    List<CompletableFuture<Admission>> awaitingCommit = new ArrayList<>();
    List<Admission> admitted = new ArrayList<>();
    try {
      while (!stopping) {
        Message m;
        while ((m = inbox.poll()) != null) {
          if (!handle(m, awaitingCommit, admitted)) return;
        }
        Action action = drive.next(deps.clock().millis());
        switch (action) {
          case Action.AppendEvents append -> {
            commit(append);
            for (int i = 0; i < awaitingCommit.size(); i++) awaitingCommit.get(i).complete(admitted.get(i));
            awaitingCommit.clear();
            admitted.clear();
          }
          case Action.GenerateTurn g -> launchGeneration(g.request());
          case Action.InvokeTools t -> t.request().calls().forEach(call -> launchTool(t.request(), call));
          case Action.CompactContext c -> launchCompaction(c.request());
          // The in-process runner derives no entries from the world (it has no file catalog to refresh).
          case Action.PrepareRun p -> drive.resumePreparation(PreparationResult.unchanged(p.run()));
          case Action.Idle idle -> {
            if (inbox.isEmpty()) {
              if (idle.outstandingEffects() == 0 && effects.isEmpty()) markQuiet();
              if (!handle(inbox.take(), awaitingCommit, admitted)) return;
            }
          }
          case Action.Closed closed -> {
            if (inbox.isEmpty()) {
              markQuiet();
              if (!handle(inbox.take(), awaitingCommit, admitted)) return;
            }
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException | Error e) {
      failure = e;
      LOG.log(System.Logger.Level.ERROR, "session " + session.value() + " runner stopped: " + e.getMessage(), e);
    } finally {
      stopping = true;
      failWaiters(awaitingCommit);
    }
  }

  /** {@return false when the loop should stop} */
  private boolean handle(Message m, List<CompletableFuture<Admission>> awaitingCommit, List<Admission> admitted) {
    switch (m) {
      case Message.Submit s -> {
        Admission admission = drive.submit(s.command());
        boolean appends = admission instanceof Admission.Admitted a && !a.events().isEmpty();
        if (appends || !awaitingCommit.isEmpty()) {
          // Answer in order, and only once everything admitted before is durable: a retried submission
          // must not be acknowledged while the original's events could still fail to commit.
          awaitingCommit.add(s.done());
          admitted.add(admission);
        } else {
          s.done().complete(admission);
        }
        abortWhereAsked();
      }
      case Message.WatchRun w -> {
        RunOutcome outcome = committed.runs().finished().get(w.run());
        if (outcome != null) w.done().complete(outcome);
        else runWaiters.computeIfAbsent(w.run(), k -> new ArrayList<>()).add(w.done());
      }
      case Message.Generated g -> drive.resumeGeneration(g.result());
      case Message.ToolDone t -> drive.resumeToolCall(t.result());
      case Message.Compacted c -> drive.resumeCompaction(c.result());
      case Message.Stop s -> {
        return false;
      }
    }
    return true;
  }

  private void commit(Action.AppendEvents append) {
    List<LogEntry> entries = appendWithRetry(append);
    drive.resumeAppended(entries);
    committed = drive.state();
    for (Consumer<List<LogEntry>> listener : listeners) {
      try {
        listener.accept(entries);
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "a log listener of session " + session.value() + " threw; it keeps receiving entries", e);
      }
    }
    abortWhereAsked();
    if (!runWaiters.isEmpty()) {
      runWaiters.entrySet().removeIf(w -> {
        RunOutcome outcome = committed.runs().finished().get(w.getKey());
        if (outcome == null) return false;
        w.getValue().forEach(f -> f.complete(outcome));
        return true;
      });
    }
  }

  /** Aborts effects of runs that are cancelling or gone. Compactions not bound to a run are never aborted here. */
  private void abortWhereAsked() {
    effects.values().forEach(e -> {
      if (e.run != 0 && drive.shouldAbort(e.run)) e.abort();
    });
  }

  /** Retries transient store failures; the action is byte-identical each time, so a retry is confirmed idempotently. */
  private List<LogEntry> appendWithRetry(Action.AppendEvents append) {
    for (int attempt = 1; ; attempt++) {
      try {
        return deps.log().append(universe, session, append.expectedHead(), append.entries());
      } catch (StoreIoException e) {
        if (attempt >= APPEND_ATTEMPTS) throw e;
        LOG.log(System.Logger.Level.WARNING, "append to session " + session.value() + " failed (attempt " + attempt + "), retrying: " + e.getMessage());
        try {
          Thread.sleep(50L << attempt);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  private void markQuiet() {
    synchronized (quietLock) {
      if (inbox.isEmpty()) {
        quiet = true;
        quietLock.notifyAll();
      }
    }
  }

  // ---- effects ------------------------------------------------------------------------------------------

  private void launchGeneration(LlmRequest request) {
    launch("turn/" + request.turn(), request.run(), ctx -> {
      try {
        return new Message.Generated(deps.llm().generate(request, ctx));
      } catch (RuntimeException e) {
        if (ctx.aborted()) return new Message.Generated(new GenerationResult.Cancelled(request.turn()));
        LOG.log(System.Logger.Level.WARNING, "model call for turn " + request.turn() + " failed at the boundary", e);
        return new Message.Generated(new GenerationResult.Failed(request.turn(), WellKnownBlob.LLM_FAILED_AT_BOUNDARY.ref(),
            "the model call failed: " + describe(e)));
      }
    });
  }

  private void launchTool(ToolBatchRequest batch, ToolBatchRequest.Invocation call) {
    launch("call/" + batch.batch() + "/" + call.call().callId(), batch.run(), ctx -> {
      try {
        return new Message.ToolDone(deps.tools().invoke(batch, call, ctx));
      } catch (RuntimeException e) {
        WellKnownBlob reason = ctx.aborted() ? WellKnownBlob.TOOL_CANCELLED : WellKnownBlob.TOOL_FAILED_AT_BOUNDARY;
        CallOutcome outcome = ctx.aborted() ? CallOutcome.CANCELLED : CallOutcome.FAILED;
        if (!ctx.aborted()) LOG.log(System.Logger.Level.WARNING, "tool " + call.call().name() + " failed at the boundary", e);
        return new Message.ToolDone(new ToolCallResult(batch.batch(), call.call().callId(), outcome, reason.ref(), reason.bytes().length, reason.text()));
      }
    });
  }

  private void launchCompaction(CompactionRequest request) {
    long run = drive.state().context().pendingCompaction().map(p -> p.run()).orElse(0L);
    launch("compaction/" + request.compaction(), run, ctx -> {
      try {
        return new Message.Compacted(deps.llm().compact(request, ctx));
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "compaction " + request.compaction() + " failed at the boundary", e);
        return new Message.Compacted(new CompactionResult.Failed(request.compaction(), WellKnownBlob.LLM_FAILED_AT_BOUNDARY.ref(),
            "the compaction call failed: " + describe(e)));
      }
    });
  }

  private void launch(String key, long run, Function<EffectContext, Message> work) {
    RunningEffect effect = new RunningEffect(run);
    effects.put(key, effect);
    EffectContext ctx = new EffectContext(universe.value(), session.value(), run, effect.aborted::get);
    Supplier<Message> task = () -> work.apply(ctx);
    effect.thread = Thread.ofVirtual().name("lightspeed-effect-" + key).start(() -> {
      Message result = null;
      try {
        result = task.get();
      } finally {
        // Forget the effect before posting its result, so the loop never sees a result while the effect
        // still counts as running (which would keep the session from going quiet).
        effects.remove(key);
        if (!stopping && result != null) enqueue(result);
      }
    });
    if (stopping || (run != 0 && drive.shouldAbort(run))) effect.abort();
  }

  private static String describe(Throwable e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private RunnerFailedException failed() {
    Throwable f = failure;
    return new RunnerFailedException("the runner of session " + session.value() + " stopped: " + (f == null ? "closed" : describe(f)), f);
  }

  /** An effect in flight: its run, and the means to stop it. */
  private static final class RunningEffect {
    final long run;
    final AtomicBoolean aborted = new AtomicBoolean();
    volatile Thread thread;

    RunningEffect(long run) {
      this.run = run;
    }

    void abort() {
      if (aborted.compareAndSet(false, true)) {
        Thread t = thread;
        if (t != null) t.interrupt();
      }
    }
  }
}
