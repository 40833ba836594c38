package dev.baton.internal.testing;

import dev.baton.ActivityCompletionClient;
import dev.baton.Baton;
import dev.baton.HistoryEvent;
import dev.baton.QueryType;
import dev.baton.RunFilter;
import dev.baton.RunPage;
import dev.baton.SignalType;
import dev.baton.Worker;
import dev.baton.WorkerOptions;
import dev.baton.WorkflowDescription;
import dev.baton.WorkflowHandle;
import dev.baton.WorkflowOptions;
import dev.baton.WorkflowType;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The test environment's {@link Baton}: the real one, except that handles it returns skip virtual
 * time while waiting for results, workers it creates load workflow classes through the determinism
 * guard, and closing it is left to the environment.
 */
public final class TimeSkippingBaton implements Baton {
  private final Baton delegate;
  private final TimeSkipper skipper;
  private final Duration resultTimeout;
  private final Function<Worker, Worker> workers;

  /**
   * Wraps {@code delegate}; {@code workers} decorates each new worker; {@code resultTimeout} bounds
   * {@code result()} in wall-clock time.
   */
  public TimeSkippingBaton(
      Baton delegate,
      TimeSkipper skipper,
      Duration resultTimeout,
      Function<Worker, Worker> workers) {
    this.delegate = delegate;
    this.skipper = skipper;
    this.resultTimeout = resultTimeout;
    this.workers = workers;
  }

  private <R> WorkflowHandle<R> skipping(WorkflowHandle<R> handle) {
    return new TimeSkippingHandle<>(handle, skipper, resultTimeout);
  }

  @Override
  public Worker newWorker(String taskQueue) {
    return workers.apply(delegate.newWorker(taskQueue));
  }

  @Override
  public Worker newWorker(String taskQueue, WorkerOptions options) {
    return workers.apply(delegate.newWorker(taskQueue, options));
  }

  @Override
  public <R> WorkflowHandle<R> start(
      WorkflowType<R> type, String workflowId, Object @Nullable ... arguments) {
    return skipping(delegate.start(type, workflowId, arguments));
  }

  @Override
  public <R> WorkflowHandle<R> start(
      WorkflowType<R> type, WorkflowOptions options, Object @Nullable ... arguments) {
    return skipping(delegate.start(type, options, arguments));
  }

  @Override
  public void signal(String workflowId, SignalType signal, Object @Nullable ... arguments) {
    delegate.signal(workflowId, signal, arguments);
  }

  @Override
  public <R> WorkflowHandle<R> signalWithStart(
      WorkflowType<R> type,
      WorkflowOptions options,
      Object @Nullable [] startArguments,
      SignalType signal,
      Object @Nullable ... signalArguments) {
    return skipping(
        delegate.signalWithStart(type, options, startArguments, signal, signalArguments));
  }

  @Override
  public <R> R query(String workflowId, QueryType<R> query, Object @Nullable ... arguments) {
    return delegate.query(workflowId, query, arguments);
  }

  @Override
  public <R> R query(
      String workflowId, Duration timeout, QueryType<R> query, Object @Nullable ... arguments) {
    return delegate.query(workflowId, timeout, query, arguments);
  }

  @Override
  public <R> WorkflowHandle<R> handle(WorkflowType<R> type, String workflowId) {
    return skipping(delegate.handle(type, workflowId));
  }

  @Override
  public List<HistoryEvent> history(String workflowId) {
    return delegate.history(workflowId);
  }

  @Override
  public WorkflowDescription describe(String workflowId) {
    return delegate.describe(workflowId);
  }

  @Override
  public void cancel(String workflowId) {
    delegate.cancel(workflowId);
  }

  @Override
  public void terminate(String workflowId, String reason) {
    delegate.terminate(workflowId, reason);
  }

  @Override
  public RunPage listRuns(RunFilter filter) {
    return delegate.listRuns(filter);
  }

  @Override
  public String exportHistory(String workflowId) {
    return delegate.exportHistory(workflowId);
  }

  @Override
  public String importHistory(String exportedJson) {
    return delegate.importHistory(exportedJson);
  }

  @Override
  public ActivityCompletionClient activityCompletion() {
    return delegate.activityCompletion();
  }

  /** Does nothing: the test environment closes the real instance. */
  @Override
  public void close() {}
}
