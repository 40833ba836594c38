package dev.baton.internal.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.baton.ActivityOptions;
import dev.baton.ActivityType;
import dev.baton.NonDeterministicException;
import dev.baton.RetryOptions;
import dev.baton.TypeRef;
import dev.baton.WorkflowDispatcher;
import dev.baton.WorkflowType;
import dev.baton.Workflows;
import dev.baton.internal.history.Event;
import dev.baton.internal.history.RetryPolicyData;
import dev.baton.internal.history.StoredEvent;
import dev.baton.internal.json.PayloadConverter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Replay of decoded histories, no database: the fast path and command matching. */
class ReplayTest {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  static final ActivityType<String> STEP =
      ActivityType.of(
          "Steps.step",
          ActivityOptions.none(),
          TypeRef.of(String.class),
          TypeRef.of(Integer.class));
  private static final ActivityType<String> OTHER =
      ActivityType.of(
          "Steps.other",
          ActivityOptions.none(),
          TypeRef.of(String.class),
          TypeRef.of(Integer.class));
  static final WorkflowType<String> TYPE =
      WorkflowType.of("Chain", "q", TypeRef.of(String.class), TypeRef.of(Integer.class));

  private WorkflowInstance instance;

  /** Calls {@code count} activities in sequence, picking each one's type with {@code step}. */
  record Chain(Function<Integer, ActivityType<String>> step) {
    String run(int count) {
      StringBuilder out = new StringBuilder();
      for (int i = 1; i <= count; i++) {
        out.append(Workflows.executeActivity(step.apply(i), ActivityOptions.none(), i));
      }
      return out.toString();
    }
  }

  static final class ChainDispatcher implements WorkflowDispatcher<Chain> {
    @Override
    public WorkflowType<?> type() {
      return TYPE;
    }

    @Override
    public Class<Chain> workflowClass() {
      return Chain.class;
    }

    @Override
    public Object execute(Chain workflow, Object[] arguments) {
      return workflow.run((Integer) arguments[0]);
    }
  }

  /** The history of a chain of {@code count} steps, with every step's result recorded. */
  static List<StoredEvent> history(int count) {
    List<Event> events = new ArrayList<>();
    events.add(new Event.WorkflowExecutionStarted("Chain", "q", JSON.arrayNode().add(count)));
    events.add(new Event.WorkflowTaskScheduled("q"));
    for (int seq = 1; seq <= count; seq++) {
      long lastSeen = events.size();
      events.add(new Event.WorkflowTaskStarted("w", 1, seq, "t" + seq));
      events.add(new Event.WorkflowTaskCompleted("w", lastSeen, seq));
      events.add(
          new Event.ActivityTaskScheduled(
              seq,
              STEP.name(),
              "q",
              JSON.arrayNode().add(seq),
              1000,
              null,
              null,
              null,
              RetryPolicyData.of(RetryOptions.getDefault())));
      events.add(new Event.ActivityTaskStarted(seq, 1, "w", "a" + seq));
      events.add(new Event.ActivityTaskCompleted(seq, JSON.textNode("r" + seq + ";")));
      events.add(new Event.WorkflowTaskScheduled("q"));
    }
    List<StoredEvent> stored = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      stored.add(new StoredEvent(i + 1, i, events.get(i)));
    }
    return stored;
  }

  private WorkflowInstance newInstance(Function<Integer, ActivityType<String>> step) {
    instance =
        new WorkflowInstance(
            "run",
            "wf",
            "q",
            new WorkflowImplementation<>(new ChainDispatcher(), () -> new Chain(step)),
            new PayloadConverter(1 << 20),
            Duration.ofSeconds(10));
    return instance;
  }

  @AfterEach
  void destroy() {
    instance.destroy();
  }

  @Test
  void callsWhoseResultsAreInHistoryReturnWithoutYieldingTheThread() {
    WorkflowInstance replayed = newInstance(i -> STEP);

    WorkflowTaskResult result = replayed.processTask(history(200), 1_000);

    StringBuilder expected = new StringBuilder();
    for (int i = 1; i <= 200; i++) {
      expected.append("r").append(i).append(';');
    }
    assertThat(result.commands())
        .containsExactly(new Event.WorkflowExecutionCompleted(JSON.textNode(expected.toString())));
    assertThat(replayed.yields()).isZero();
  }

  @Test
  void liveTaskAfterReplayYieldsOnlyForTheNewActivity() {
    WorkflowInstance replayed = newInstance(i -> STEP);
    List<StoredEvent> history = history(5);
    // The workflow asks for 6 steps: history holds 5, so the 6th is a new command.
    history.set(
        0,
        new StoredEvent(
            1, 0, new Event.WorkflowExecutionStarted("Chain", "q", JSON.arrayNode().add(6))));

    WorkflowTaskResult result = replayed.processTask(history, 1_000);

    assertThat(result.commands())
        .singleElement()
        .isInstanceOfSatisfying(
            Event.ActivityTaskScheduled.class, s -> assertThat(s.seq()).isEqualTo(6));
    assertThat(result.lastSeenEventId()).isEqualTo(history.size());
    assertThat(replayed.yields()).isEqualTo(1);
  }

  @Test
  void mismatchOnTheFastPathNamesTheEvent() {
    WorkflowInstance changed = newInstance(i -> i == 3 ? OTHER : STEP);

    assertThatThrownBy(() -> changed.processTask(history(5), 1_000))
        .isInstanceOfSatisfying(
            NonDeterministicException.class,
            e -> {
              assertThat(e.eventId())
                  .isEqualTo(17); // 2 + 2 * 6 + 3: the third ActivityTaskScheduled
              assertThat(e.recorded()).isEqualTo("ActivityTaskScheduled Steps.step (activity #3)");
              assertThat(e.command()).isEqualTo("schedule activity Steps.other (activity #3)");
            });
  }

  @Test
  void historyWithMissingEventsIsRefusedRatherThanBlamedOnTheCode() {
    WorkflowInstance replayed = newInstance(i -> STEP);
    List<StoredEvent> history = history(3);
    // What a half-kept H2 commit left: the first task's started, completed and scheduled events
    // are gone, and the activity they scheduled ran and completed as events 6 and 7. Replayed, it
    // failed as "Non-deterministic workflow code at history event 7: ... no activity with sequence
    // number 1 was scheduled by the code".
    history.removeIf(e -> e.eventId() >= 3 && e.eventId() <= 5);

    assertThatThrownBy(() -> replayed.processTask(history, 1_000))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("has event 6 where event 3 belongs: events are missing");
  }
}
