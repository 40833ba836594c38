package dev.baton.internal.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.baton.QueryType;
import dev.baton.SignalType;
import dev.baton.TypeRef;
import dev.baton.WorkflowDispatcher;
import dev.baton.WorkflowType;
import dev.baton.Workflows;
import dev.baton.internal.history.Event;
import dev.baton.internal.history.StoredEvent;
import dev.baton.internal.json.PayloadConverter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A query's replay stops at the state the run's last completed workflow task left: a signal that
 * arrived while that task ran is recorded before the task's own events, but the task did not see
 * it, and neither does the query (so consecutive queries never go backwards when a worker's cached
 * instance, which has not seen it either, answers the next one).
 */
class QueryReplayTest {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final WorkflowType<Void> TYPE =
      WorkflowType.of("Counter", "q", TypeRef.of(Void.class));

  /** Counts the signals it gets; never ends. */
  static final class Counter {
    int count;

    Void run() {
      Workflows.await(() -> false);
      return null;
    }
  }

  static final class CounterDispatcher implements WorkflowDispatcher<Counter> {
    @Override
    public WorkflowType<?> type() {
      return TYPE;
    }

    @Override
    public Class<Counter> workflowClass() {
      return Counter.class;
    }

    @Override
    public Object execute(Counter workflow, Object[] arguments) {
      return workflow.run();
    }

    @Override
    public List<SignalType> signalTypes() {
      return List.of(SignalType.of("add"));
    }

    @Override
    public void signal(Counter workflow, String signalName, Object[] arguments) {
      workflow.count++;
    }

    @Override
    public List<QueryType<?>> queryTypes() {
      return List.of(QueryType.of("count", TypeRef.of(Integer.class)));
    }

    @Override
    public Object query(Counter workflow, String queryName, Object[] arguments) {
      return workflow.count;
    }
  }

  private final List<WorkflowInstance> instances = new ArrayList<>();

  private WorkflowInstance newInstance() {
    WorkflowInstance instance =
        new WorkflowInstance(
            "run",
            "wf",
            "q",
            new WorkflowImplementation<>(new CounterDispatcher(), Counter::new),
            new PayloadConverter(1 << 20),
            Duration.ofSeconds(10));
    instances.add(instance);
    return instance;
  }

  @AfterEach
  void destroy() {
    instances.forEach(WorkflowInstance::destroy);
  }

  /**
   * The first task saw the start and signal 1; signal 2 arrived while it ran, so history holds it
   * (event 5) before the task's started and completed events (6, 7).
   */
  private static List<StoredEvent> historyWithASignalTheLastTaskDidNotSee() {
    List<Event> events =
        List.of(
            new Event.WorkflowExecutionStarted("Counter", "q", JSON.arrayNode()),
            new Event.WorkflowTaskScheduled("q"),
            new Event.SignalReceived("add", JSON.arrayNode(), "s1"),
            new Event.WorkflowTaskScheduled("q"),
            new Event.SignalReceived("add", JSON.arrayNode(), "s2"),
            new Event.WorkflowTaskStarted("w", 1, 10, "t1"),
            new Event.WorkflowTaskCompleted("w", 4, 10));
    List<StoredEvent> stored = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      stored.add(new StoredEvent(i + 1, 10, events.get(i)));
    }
    return stored;
  }

  @Test
  void aQueryReplaySeesWhatTheLastCompletedTaskSawAndNoMore() throws Exception {
    WorkflowInstance forQuery = newInstance();
    forQuery.replayCompletedTasks(historyWithASignalTheLastTaskDidNotSee());
    assertThat(forQuery.query("count", new Object[0])).isEqualTo(1);

    // A task's replay of the same history goes on to the unseen signal, as the next task must.
    WorkflowInstance forTask = newInstance();
    forTask.processTask(historyWithASignalTheLastTaskDidNotSee(), 20);
    assertThat(forTask.query("count", new Object[0])).isEqualTo(2);
  }
}
