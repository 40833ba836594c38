package dev.baton.internal.worker;

import dev.baton.QueryType;
import dev.baton.internal.Services;
import dev.baton.internal.history.Event;
import dev.baton.internal.history.StoredEvent;
import dev.baton.internal.json.Json;
import dev.baton.internal.store.QueryStore.ClaimedQuery;
import dev.baton.internal.store.RunInfo;
import dev.baton.internal.workflow.WorkflowImplementation;
import dev.baton.internal.workflow.WorkflowInstance;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a query from the workflow's state as of its last completed workflow task: the cached
 * instance when there is one, else a fresh instance replayed from history. Nothing is committed.
 */
final class QueryHandler {
  private static final Logger log = LoggerFactory.getLogger(QueryHandler.class);
  private static final long RETRY_NOT_STARTED_MILLIS = 250;

  /** The run has no completed workflow task whose state could answer a query. */
  private static final class NotYetStarted extends Exception {
    private static final long serialVersionUID = 1L;

    NotYetStarted() {
      super(null, null, false, false);
    }
  }

  private final Services services;
  private final Registry registry;
  private final WorkflowCache cache;
  private final String identity;
  private final String taskQueue;
  private final Duration deadlockTimeout;

  QueryHandler(
      Services services,
      Registry registry,
      WorkflowCache cache,
      String identity,
      String taskQueue,
      Duration deadlockTimeout) {
    this.deadlockTimeout = deadlockTimeout;
    this.services = services;
    this.registry = registry;
    this.cache = cache;
    this.identity = identity;
    this.taskQueue = taskQueue;
  }

  void handle(ClaimedQuery query) {
    try {
      String answer = answer(query);
      services.queries().answer(query.queryId(), identity, answer);
    } catch (NotYetStarted e) {
      // Its first workflow task has not completed yet (or was lost with a worker): ask again soon,
      // while the client still waits.
      services.queries().postpone(query.queryId(), identity, RETRY_NOT_STARTED_MILLIS);
      return;
    } catch (Exception e) {
      log.debug("Query {} of {} failed", query.queryName(), query.workflowId(), e);
      services.queries().fail(query.queryId(), identity, String.valueOf(e));
    }
    services.wakeups().queriesAnswered().signal();
  }

  private String answer(ClaimedQuery query) throws Exception {
    RunInfo run = services.workflows().findRun(query.runId());
    if (run == null) {
      throw new IllegalStateException("The run no longer exists");
    }
    WorkflowImplementation<?> implementation = registry.workflow(run.workflowType());
    if (implementation == null) {
      throw new IllegalStateException(
          "Workflow type " + run.workflowType() + " is not registered on worker " + identity);
    }
    QueryType<?> type =
        implementation.dispatcher().queryTypes().stream()
            .filter(q -> q.name().equals(query.queryName()))
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "Workflow type "
                            + run.workflowType()
                            + " has no query named '"
                            + query.queryName()
                            + "'"));
    Object[] arguments =
        services
            .converter()
            .decodeArguments(
                "query " + type.name(),
                type.parameterTypes(),
                Json.mapper().readTree(query.inputJson()));
    WorkflowInstance cached = cache.take(query.runId());
    WorkflowInstance instance = cached != null ? cached : replayed(query, implementation);
    try {
      Object answer = instance.query(query.queryName(), arguments);
      return services
          .converter()
          .encodeChecked("answer to query " + type.name(), answer)
          .toString();
    } finally {
      if (cached != null) {
        cache.put(cached).forEach(WorkflowInstance::destroy);
      } else {
        instance.destroy();
      }
    }
  }

  /** A fresh instance brought to the state of the run's last completed workflow task. */
  private WorkflowInstance replayed(ClaimedQuery query, WorkflowImplementation<?> implementation)
      throws NotYetStarted {
    List<StoredEvent> history =
        upToLastCompletedTask(services.workflows().readHistory(query.runId(), 1));
    if (history.isEmpty()) {
      throw new NotYetStarted();
    }
    WorkflowInstance instance =
        new WorkflowInstance(
            query.runId(),
            query.workflowId(),
            taskQueue,
            implementation,
            services.converter(),
            deadlockTimeout);
    try {
      instance.replayCompletedTasks(history);
      return instance;
    } catch (RuntimeException e) {
      instance.destroy();
      throw e;
    }
  }

  private static List<StoredEvent> upToLastCompletedTask(List<StoredEvent> history) {
    int end = 0;
    for (int i = 0; i < history.size(); i++) {
      if (history.get(i).event() instanceof Event.WorkflowTaskCompleted) {
        end = i + 1;
        while (end < history.size() && history.get(end).event().producedByCommand()) {
          end++;
        }
      }
    }
    return history.subList(0, end);
  }
}
