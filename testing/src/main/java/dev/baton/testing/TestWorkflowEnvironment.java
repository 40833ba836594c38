package dev.baton.testing;

import dev.baton.Baton;
import dev.baton.BatonOptions;
import dev.baton.HistoryEvent;
import dev.baton.RunFilter;
import dev.baton.RunPage;
import dev.baton.RunSummary;
import dev.baton.SettableTimeSource;
import dev.baton.TimeSource;
import dev.baton.Worker;
import dev.baton.WorkerOptions;
import dev.baton.internal.BatonFactory;
import dev.baton.internal.testing.HistoryFormat;
import dev.baton.internal.testing.InMemoryDatabase;
import dev.baton.internal.testing.TestWorker;
import dev.baton.internal.testing.TimeSkipper;
import dev.baton.internal.testing.TimeSkippingBaton;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Runs workflows in this process on a private in-memory H2 database, with virtual time.
 *
 * <p>Time stands still until the test waits: {@link dev.baton.WorkflowHandle#result()} on a handle
 * from {@link #baton()} (or a generated client made from it), and {@link #sleep(Duration)}, run the
 * workers and, whenever nothing can run and only timed things are pending (timers, activity
 * timeouts and retry back-offs), move the clock straight to the earliest of them. A workflow that
 * sleeps 30 days ends at once, and timers of different runs fire in their order.
 *
 * <pre>{@code
 * try (TestWorkflowEnvironment env = TestWorkflowEnvironment.create()) {
 *   env.newWorker("orders").registerWorkflow(OrderFulfilmentImpl.class)
 *       .registerActivities(ActivityMock.of(Warehouse.class, new FakeWarehouse()).instance())
 *       .start();
 *   OrderResult result = OrderFulfilmentClient.of(env.baton()).start("order-1", order).result();
 * }
 * }</pre>
 *
 * <p>Workflow classes registered by class through {@link #newWorker} are checked by the determinism
 * guard (see {@link TestEnvironmentOptions#determinismGuard()}). Not thread-safe to create; its
 * {@code Baton} and workers are as thread-safe as the runtime's.
 */
public final class TestWorkflowEnvironment implements AutoCloseable {
  private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(1);

  private final InMemoryDatabase database;
  private final SettableTimeSource clock;
  private final Baton real;
  private final TimeSkipper skipper;
  private final TimeSkippingBaton baton;
  private final TestEnvironmentOptions options;
  private final List<Worker> workers = new CopyOnWriteArrayList<>();
  private boolean closed;

  private TestWorkflowEnvironment(TestEnvironmentOptions options) {
    this.options = options;
    this.database = InMemoryDatabase.create();
    this.clock = TimeSource.settable(options.startTime());
    try {
      // The schema is in place already (see SchemaTemplate): no Flyway run per environment.
      this.real =
          BatonFactory.connectMigratedH2(
              database.dataSource(), BatonOptions.newBuilder().timeSource(clock).build(), () -> {});
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
    this.skipper = new TimeSkipper(clock, database.probeConnection());
    this.baton = new TimeSkippingBaton(real, skipper, options.resultTimeout(), this::decorate);
  }

  /** An environment with default options. */
  public static TestWorkflowEnvironment create() {
    return create(TestEnvironmentOptions.getDefault());
  }

  /** An environment with {@code options}. */
  public static TestWorkflowEnvironment create(TestEnvironmentOptions options) {
    Objects.requireNonNull(options, "options");
    return new TestWorkflowEnvironment(options);
  }

  private Worker decorate(Worker worker) {
    workers.add(worker);
    return new TestWorker(worker, options.determinismGuard(), skipper);
  }

  /**
   * The {@link Baton} to start, signal, query and inspect workflows with, and to build generated
   * clients from. Its handles skip virtual time in {@code result()}; closing it does nothing (close
   * the environment).
   */
  public Baton baton() {
    return baton;
  }

  /** A new, not yet started worker for {@code taskQueue}; see {@link Baton#newWorker(String)}. */
  public Worker newWorker(String taskQueue) {
    return baton.newWorker(Objects.requireNonNull(taskQueue, "taskQueue"));
  }

  /** A new, not yet started worker for {@code taskQueue} with {@code options}. */
  public Worker newWorker(String taskQueue, WorkerOptions options) {
    Objects.requireNonNull(taskQueue, "taskQueue");
    Objects.requireNonNull(options, "options");
    return baton.newWorker(taskQueue, options);
  }

  /** The current virtual time. */
  public Instant currentTime() {
    return clock.now();
  }

  /**
   * Moves virtual time forward by {@code duration}, firing every timer and timeout due on the way
   * in order and letting the workflows react to each, and returns when everything that can run at
   * the new time has run. {@code sleep(Duration.ZERO)} just waits until the workflows are idle.
   *
   * @throws WorkflowTaskFailedError if a workflow task failed meanwhile
   * @throws IllegalStateException if the workflows do not become idle within the {@linkplain
   *     TestEnvironmentOptions#resultTimeout() result timeout} of wall-clock time, naming what they
   *     wait for
   */
  public void sleep(Duration duration) {
    Objects.requireNonNull(duration, "duration");
    if (duration.isNegative()) {
      throw new IllegalArgumentException("duration must not be negative, was " + duration);
    }
    skipper.advanceTo(
        clock.now().plus(duration), System.nanoTime() + options.resultTimeout().toNanos());
  }

  /** The history of the latest run of {@code workflowId}. */
  public List<HistoryEvent> history(String workflowId) {
    return baton.history(Objects.requireNonNull(workflowId, "workflowId"));
  }

  /** The history of the latest run of {@code workflowId}, one readable line per event. */
  public String formatHistory(String workflowId) {
    Objects.requireNonNull(workflowId, "workflowId");
    return HistoryFormat.format(workflowId, baton.history(workflowId));
  }

  /** The histories of every run in this environment, one readable line per event. */
  public String formatHistories() {
    StringBuilder out = new StringBuilder();
    Set<String> workflowIds = new LinkedHashSet<>();
    List<RunSummary> runs = new ArrayList<>();
    String token = null;
    do {
      RunPage page = baton.listRuns(RunFilter.newBuilder().pageToken(token).build());
      runs.addAll(page.runs());
      token = page.nextPageToken();
    } while (token != null);
    Collections.reverse(runs); // oldest first
    runs.forEach(run -> workflowIds.add(run.workflowId()));
    for (String workflowId : workflowIds) {
      out.append(HistoryFormat.format(workflowId, baton.history(workflowId)));
    }
    return out.toString();
  }

  /**
   * Stops the workers (interrupting activity calls that mocks hold and, after a short grace,
   * whatever still runs) and drops the database.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      skipper.releaseParkedActivities();
      for (Worker worker : workers) {
        worker.shutdown(SHUTDOWN_GRACE);
      }
      real.close();
    } finally {
      database.close();
    }
  }
}
