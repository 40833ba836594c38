package dev.baton.internal.worker;

import dev.baton.internal.activity.LocalActivityExecutor;
import dev.baton.internal.history.FailureData;
import dev.baton.internal.workflow.LocalActivities;
import dev.baton.internal.workflow.LocalActivityOutcome;
import dev.baton.internal.workflow.LocalActivityRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the local activities of a worker's workflow tasks on the worker's own threads. Each task
 * gets a {@link Batch}; while the task waits for one, the batch keeps extending the task's lease.
 */
final class LocalActivityRunner {
  private static final Logger log = LoggerFactory.getLogger(LocalActivityRunner.class);

  private final Registry registry;
  private final LocalActivityExecutor executor;
  private final ExecutorService threads;

  LocalActivityRunner(Registry registry, LocalActivityExecutor executor, ExecutorService threads) {
    this.registry = registry;
    this.executor = executor;
    this.threads = threads;
  }

  /**
   * The local activities of one workflow task. {@code extendLease} is called every {@code
   * keepAliveMillis} while the task waits; when it returns false the lease is lost and the task
   * gives up.
   */
  Batch newBatch(BooleanSupplier extendLease, long keepAliveMillis) {
    return new Batch(extendLease, keepAliveMillis);
  }

  /** The local activities one workflow task started; closing it abandons those still running. */
  final class Batch implements LocalActivities, AutoCloseable {
    private final BooleanSupplier extendLease;
    private final long keepAliveMillis;
    private final BlockingQueue<LocalActivityOutcome> outcomes = new LinkedBlockingQueue<>();
    private final List<Future<?>> running = new ArrayList<>();

    private Batch(BooleanSupplier extendLease, long keepAliveMillis) {
      this.extendLease = extendLease;
      this.keepAliveMillis = keepAliveMillis;
    }

    @Override
    public boolean isRegistered(String activityType) {
      return registry.activity(activityType) != null;
    }

    @Override
    public void start(LocalActivityRequest request) {
      Registry.RegisteredActivity activity = registry.activity(request.activityType());
      if (activity == null) {
        throw new IllegalStateException(
            "Local activity " + request.activityType() + " is not registered");
      }
      running.add(
          threads.submit(
              () -> {
                try {
                  outcomes.add(
                      executor.run(
                          request,
                          activity.type(),
                          activity.dispatcher(),
                          activity.implementation()));
                } catch (InterruptedException e) {
                  // Abandoned by its workflow task.
                } catch (RuntimeException | Error e) {
                  log.error("Local activity {} could not run", request.activityType(), e);
                  outcomes.add(
                      LocalActivityOutcome.failed(
                          request.seq(), request.attempt(), FailureData.of(e)));
                }
              }));
    }

    @Override
    public LocalActivityOutcome next() {
      try {
        while (true) {
          LocalActivityOutcome outcome = outcomes.poll(keepAliveMillis, TimeUnit.MILLISECONDS);
          if (outcome != null) {
            return outcome;
          }
          if (!extendLease.getAsBoolean()) {
            throw new WorkflowTaskLeaseLostException(
                "The workflow task's lease was lost while it waited for local activities");
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new WorkflowTaskLeaseLostException(
            "Interrupted while waiting for local activities (the worker is shutting down)");
      }
    }

    /** Abandons the local activities still running. */
    @Override
    public void close() {
      running.forEach(f -> f.cancel(true));
    }
  }
}
