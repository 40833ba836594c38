package dev.baton.internal.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.baton.ActivityOptions;
import dev.baton.ActivityType;
import dev.baton.LocalActivityOptions;
import dev.baton.NonDeterministicException;
import dev.baton.Promise;
import dev.baton.TypeRef;
import dev.baton.WorkflowDispatcher;
import dev.baton.WorkflowType;
import dev.baton.Workflows;
import dev.baton.internal.history.Event;
import dev.baton.internal.history.StoredEvent;
import dev.baton.internal.json.PayloadConverter;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Local activity markers, no database: a live task records outcomes in the order they arrive, and
 * replay hands them to the code in that order without running anything.
 */
class LocalActivityReplayTest {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final ActivityType<String> STEP =
      ActivityType.of(
          "Steps.step", ActivityOptions.none(), TypeRef.of(String.class), TypeRef.of(String.class));
  private static final ActivityType<String> OTHER =
      ActivityType.of(
          "Steps.other",
          ActivityOptions.none(),
          TypeRef.of(String.class),
          TypeRef.of(String.class));
  private static final WorkflowType<String> TYPE =
      WorkflowType.of("Race", "q", TypeRef.of(String.class));

  private final List<WorkflowInstance> instances = new ArrayList<>();

  /** Calls "a" locally, then races "b" against "c" and returns which finished first. */
  record Race(ActivityType<String> first) {
    String run() {
      String a = Workflows.executeLocalActivity(first, LocalActivityOptions.none(), "a");
      Promise<String> b =
          Workflows.executeLocalActivityAsync(STEP, LocalActivityOptions.none(), "b");
      Promise<String> c =
          Workflows.executeLocalActivityAsync(STEP, LocalActivityOptions.none(), "c");
      return a + Promise.anyOf(b, c).get();
    }
  }

  private static final class RaceDispatcher implements WorkflowDispatcher<Race> {
    @Override
    public WorkflowType<?> type() {
      return TYPE;
    }

    @Override
    public Class<Race> workflowClass() {
      return Race.class;
    }

    @Override
    public Object execute(Race workflow, Object[] arguments) {
      return workflow.run();
    }
  }

  /** Runs every request at once and ends them newest first, so parallel calls finish reversed. */
  private static final class NewestFirst implements LocalActivities {
    final List<String> inputs = new ArrayList<>();
    private final Deque<LocalActivityRequest> started = new ArrayDeque<>();

    @Override
    public boolean isRegistered(String activityType) {
      return true;
    }

    @Override
    public void start(LocalActivityRequest request) {
      inputs.add(request.input().get(0).asText());
      started.push(request);
    }

    @Override
    public LocalActivityOutcome next() {
      LocalActivityRequest request = started.pop();
      return LocalActivityOutcome.succeeded(
          request.seq(), 1, JSON.textNode(request.input().get(0).asText().toUpperCase()));
    }
  }

  private WorkflowInstance newInstance(ActivityType<String> first) {
    WorkflowInstance instance =
        new WorkflowInstance(
            "run",
            "wf",
            "q",
            new WorkflowImplementation<>(new RaceDispatcher(), () -> new Race(first)),
            new PayloadConverter(1 << 20),
            Duration.ofSeconds(10));
    instances.add(instance);
    return instance;
  }

  private static List<StoredEvent> firstTask() {
    List<StoredEvent> events = new ArrayList<>();
    events.add(
        new StoredEvent(1, 0, new Event.WorkflowExecutionStarted("Race", "q", JSON.arrayNode())));
    events.add(new StoredEvent(2, 0, new Event.WorkflowTaskScheduled("q")));
    return events;
  }

  /** The first task's events followed by the task's record and {@code commands}. */
  private static List<StoredEvent> recorded(List<Event> commands) {
    List<StoredEvent> events = firstTask();
    events.add(new StoredEvent(3, 5, new Event.WorkflowTaskStarted("w", 1, 5, "t")));
    events.add(new StoredEvent(4, 5, new Event.WorkflowTaskCompleted("w", 2, 5)));
    for (Event command : commands) {
      events.add(new StoredEvent(events.size() + 1, 5, command));
    }
    return events;
  }

  @AfterEach
  void destroy() {
    instances.forEach(WorkflowInstance::destroy);
  }

  @Test
  void aLiveTaskRecordsOutcomesInTheOrderTheyEnd() {
    NewestFirst worker = new NewestFirst();

    WorkflowTaskResult result = newInstance(STEP).processTask(firstTask(), 5, worker);

    assertThat(worker.inputs).containsExactly("a", "b", "c");
    assertThat(result.commands())
        .extracting(e -> e instanceof Event.MarkerRecorded m ? "marker #" + m.seq() : e.typeName())
        .containsExactly("marker #1", "marker #3", "WorkflowExecutionCompleted");
    assertThat(result.commands().get(2))
        .isEqualTo(new Event.WorkflowExecutionCompleted(JSON.textNode("AC")));
  }

  @Test
  void replayHandsOutcomesBackInRecordedOrderWithoutRunningAnything() {
    List<Event> commands =
        newInstance(STEP).processTask(firstTask(), 5, new NewestFirst()).commands();
    // No marker #2: the run closed before that call ended, and it was abandoned.
    WorkflowInstance replayed = newInstance(STEP);

    WorkflowTaskResult result = replayed.processTask(recorded(commands), 6, LocalActivities.NONE);

    assertThat(replayed.isClosed()).isTrue();
    assertThat(result.commands()).isEmpty();
  }

  @Test
  void aChangedLocalActivityIsANonDeterminismError() {
    List<Event> commands =
        newInstance(STEP).processTask(firstTask(), 5, new NewestFirst()).commands();
    WorkflowInstance changed = newInstance(OTHER);

    assertThatThrownBy(() -> changed.processTask(recorded(commands), 6, LocalActivities.NONE))
        .isInstanceOfSatisfying(
            NonDeterministicException.class,
            e -> {
              assertThat(e.eventId()).isEqualTo(5);
              assertThat(e.recorded()).isEqualTo("MarkerRecorded LocalActivity Steps.step (#1)");
              assertThat(e.command()).isEqualTo("local activity Steps.other (#1)");
            });
  }
}
