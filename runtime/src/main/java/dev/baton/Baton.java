package dev.baton;

import dev.baton.internal.BatonFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The entry point: a connection to the database that holds Baton's workflows, from which workers
 * are started and workflows started, inspected and awaited. Thread-safe; create one per process and
 * close it on shutdown (which also shuts down its workers).
 *
 * <pre>{@code
 * try (Baton baton = Baton.embedded()) {
 *   baton.newWorker("orders").registerWorkflow(OrderFulfilmentImpl.class)
 *       .registerActivities(new WarehouseImpl()).start();
 *   OrderResult result = OrderFulfilmentClient.of(baton).start("order-42", order).result();
 * }
 * }</pre>
 */
public interface Baton extends AutoCloseable {
  /** The default folder of {@link #embedded()}: {@code ./baton-data}. */
  Path DEFAULT_EMBEDDED_FOLDER = Path.of("baton-data");

  /**
   * Opens (creating and migrating on first use) the embedded H2 database in {@code ./baton-data}.
   * Commits are in the file when they return, so a killed process loses nothing; a power loss may.
   * Other local processes may open the same folder: the first one serves it to them over a
   * localhost port (H2's AUTO_SERVER mode).
   */
  static Baton embedded() {
    return embedded(DEFAULT_EMBEDDED_FOLDER);
  }

  /** Opens the embedded H2 database in {@code folder}, creating and migrating it on first use. */
  static Baton embedded(Path folder) {
    return embedded(folder, BatonOptions.getDefault());
  }

  /** Opens the embedded H2 database in {@code folder} with the given options. */
  static Baton embedded(Path folder, BatonOptions options) {
    Objects.requireNonNull(folder, "folder");
    Objects.requireNonNull(options, "options");
    return BatonFactory.embedded(folder, options);
  }

  /**
   * Connects to MySQL 8 or MariaDB 10.6+ (or H2) through {@code dataSource}, creating and migrating
   * Baton's tables on first use. Baton uses READ COMMITTED on its connections. Closing the instance
   * does not close {@code dataSource}.
   */
  static Baton connect(DataSource dataSource) {
    return connect(dataSource, BatonOptions.getDefault());
  }

  /**
   * Connects through {@code dataSource} with the given options; see {@link #connect(DataSource)}.
   */
  static Baton connect(DataSource dataSource, BatonOptions options) {
    Objects.requireNonNull(dataSource, "dataSource");
    Objects.requireNonNull(options, "options");
    return BatonFactory.connect(dataSource, options, () -> {});
  }

  /**
   * Connects to the database at {@code jdbcUrl} (such as {@code jdbc:mysql://db:3306/orders}) with
   * a connection pool of its own, closed with the instance. {@code user} and {@code password} may
   * be {@code null} when the URL or the driver supplies them.
   */
  static Baton connect(String jdbcUrl, @Nullable String user, @Nullable String password) {
    return connect(jdbcUrl, user, password, BatonOptions.getDefault());
  }

  /** Connects to the database at {@code jdbcUrl} with the given options. */
  static Baton connect(
      String jdbcUrl, @Nullable String user, @Nullable String password, BatonOptions options) {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    Objects.requireNonNull(options, "options");
    return BatonFactory.connect(jdbcUrl, user, password, options);
  }

  /**
   * A new, not yet started worker for {@code taskQueue} with default options. Register workflow
   * implementations and activity objects, then call {@link Worker#start()}.
   */
  Worker newWorker(String taskQueue);

  /** A new, not yet started worker for {@code taskQueue}. */
  Worker newWorker(String taskQueue, WorkerOptions options);

  /**
   * Starts a run of {@code type} with workflow id {@code workflowId}.
   *
   * @throws UnknownWorkflowTypeException if no worker has registered the type in this database
   * @throws WorkflowAlreadyStartedException if a run with that id is still running
   * @throws PayloadException if an argument cannot be stored and read back as its declared type
   * @throws IllegalArgumentException if the id is empty or longer than 255 characters, or the
   *     arguments do not match the type's parameters
   */
  <R> WorkflowHandle<R> start(
      WorkflowType<R> type, String workflowId, Object @Nullable ... arguments);

  /**
   * Starts a run of {@code type} with the given options; throws as {@link #start(WorkflowType,
   * String, Object...)}.
   */
  <R> WorkflowHandle<R> start(
      WorkflowType<R> type, WorkflowOptions options, Object @Nullable ... arguments);

  /**
   * Sends a signal to the running run of {@code workflowId}. Signals are durable and delivered in
   * the order they were received.
   *
   * @throws WorkflowNotFoundException if no run of that id is running
   * @throws PayloadException if an argument cannot be stored and read back as its declared type
   */
  void signal(String workflowId, SignalType signal, Object @Nullable ... arguments);

  /**
   * Sends a signal to the running run of the workflow id in {@code options}, starting a run of
   * {@code type} with {@code startArguments} first when none is running; in one transaction.
   */
  <R> WorkflowHandle<R> signalWithStart(
      WorkflowType<R> type,
      WorkflowOptions options,
      Object @Nullable [] startArguments,
      SignalType signal,
      Object @Nullable ... signalArguments);

  /**
   * Asks the running (or latest) run of {@code workflowId} a query, answered from the workflow's
   * current state by a worker that has its type registered; waits up to ten seconds.
   *
   * @throws WorkflowNotFoundException if there is no run of that id
   * @throws QueryFailedException if the query method threw, or no worker answered in time
   */
  <R> R query(String workflowId, QueryType<R> query, Object @Nullable ... arguments);

  /**
   * Asks a query and waits up to {@code timeout} for the answer; see {@link #query(String,
   * QueryType, Object...)}.
   */
  <R> R query(
      String workflowId, Duration timeout, QueryType<R> query, Object @Nullable ... arguments);

  /**
   * A handle on the latest run of {@code workflowId}.
   *
   * @throws WorkflowNotFoundException if there is none
   */
  <R> WorkflowHandle<R> handle(WorkflowType<R> type, String workflowId);

  /**
   * The history of the latest run of {@code workflowId}, in event order.
   *
   * @throws WorkflowNotFoundException if there is none
   */
  List<HistoryEvent> history(String workflowId);

  /**
   * What the latest run of {@code workflowId} is doing: its status and, when a workflow task is
   * pending, its attempt and last failure (such as a non-determinism error).
   *
   * @throws WorkflowNotFoundException if there is none
   */
  WorkflowDescription describe(String workflowId);

  /**
   * Asks the running run of {@code workflowId} to cancel: its code sees a {@link CanceledFailure}
   * where it waits, may clean up in a detached scope, and the run ends as {@code CANCELLED} when
   * the failure escapes the workflow method. Asking twice is asking once.
   *
   * @throws WorkflowNotFoundException if no run of that id is running
   */
  void cancel(String workflowId);

  /**
   * Ends the running run of {@code workflowId} at once, as {@code TERMINATED} with {@code reason},
   * without running any more of its code; its pending activities, timers and tasks are dropped and
   * its children's parent-close policies applied.
   *
   * @throws WorkflowNotFoundException if no run of that id is running
   */
  void terminate(String workflowId, String reason);

  /**
   * Lists runs, newest first, a page at a time: by status, workflow type, start time and workflow
   * id prefix (see {@link RunFilter}).
   *
   * @throws IllegalArgumentException if the filter's page token is not one a page gave
   */
  RunPage listRuns(RunFilter filter);

  /**
   * The history of the latest run of {@code workflowId} as JSON, with the run's ids, type, task
   * queue and status: the format {@link #importHistory(String)} and the replay harness read. Keep
   * such files with the tests to check that new code still replays recorded runs.
   *
   * @throws WorkflowNotFoundException if there is no run of that id
   */
  String exportHistory(String workflowId);

  /**
   * Stores a closed run that {@link #exportHistory(String)} wrote (from this database or another,
   * H2 or MySQL) as the only run of its workflow id here, where it can be described, listed and
   * queried (queries replay its history on a worker that has its type). Returns its workflow id.
   *
   * @throws IllegalArgumentException if the JSON is not an export, its run had not closed, or this
   *     database has a run of that workflow id or run id already; nothing is stored then
   */
  String importHistory(String exportedJson);

  /** Completes or fails activity tasks by their task token, from any process. */
  ActivityCompletionClient activityCompletion();

  /** Shuts down this instance's workers gracefully and closes the database connections. */
  @Override
  void close();
}
