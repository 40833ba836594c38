package dev.baton.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.baton.ActivityOptions;
import dev.baton.ActivityType;
import dev.baton.RetryOptions;
import dev.baton.TypeRef;
import dev.baton.WorkflowDispatcher;
import dev.baton.WorkflowType;
import dev.baton.Workflows;
import dev.baton.internal.history.Event;
import dev.baton.internal.history.RetryPolicyData;
import dev.baton.internal.history.StoredEvent;
import dev.baton.internal.json.PayloadConverter;
import dev.baton.internal.workflow.WorkflowImplementation;
import dev.baton.internal.workflow.WorkflowInstance;
import dev.baton.internal.workflow.WorkflowTaskResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * B4: replay of a decoded history, no database, as a worker does when a run is not in its cache: a
 * fresh {@link WorkflowInstance} processes the whole history in one workflow task. The history is a
 * chain of activities (6 events per activity: task started, task completed, activity scheduled,
 * started, completed, next task scheduled), as {@code ReplayTest} builds it.
 */
final class ReplayBench {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final ActivityType<Integer> STEP =
      ActivityType.of(
          "Steps.step",
          ActivityOptions.none(),
          TypeRef.of(Integer.class),
          TypeRef.of(Integer.class));
  private static final WorkflowType<Long> TYPE =
      WorkflowType.of("LongChain", "bench", TypeRef.of(Long.class), TypeRef.of(Integer.class));

  private final Bench bench;

  ReplayBench(Bench bench) {
    this.bench = bench;
  }

  /** Calls {@code count} activities in sequence and returns the sum of their results. */
  static final class LongChain {
    long run(int count) {
      long sum = 0;
      for (int i = 1; i <= count; i++) {
        sum += Workflows.executeActivity(STEP, ActivityOptions.none(), i);
      }
      return sum;
    }
  }

  private static final class LongChainDispatcher implements WorkflowDispatcher<LongChain> {
    @Override
    public WorkflowType<?> type() {
      return TYPE;
    }

    @Override
    public Class<LongChain> workflowClass() {
      return LongChain.class;
    }

    @Override
    public Object execute(LongChain workflow, Object[] arguments) {
      return workflow.run((Integer) arguments[0]);
    }
  }

  /** The history of a chain of {@code steps} activities, each returning its sequence number. */
  static List<StoredEvent> history(int steps) {
    List<Event> events = new ArrayList<>();
    events.add(
        new Event.WorkflowExecutionStarted("LongChain", "bench", JSON.arrayNode().add(steps)));
    events.add(new Event.WorkflowTaskScheduled("bench"));
    RetryPolicyData retry = RetryPolicyData.of(RetryOptions.getDefault());
    for (int seq = 1; seq <= steps; seq++) {
      long lastSeen = events.size();
      events.add(new Event.WorkflowTaskStarted("w", 1, seq, "t" + seq));
      events.add(new Event.WorkflowTaskCompleted("w", lastSeen, seq));
      events.add(
          new Event.ActivityTaskScheduled(
              seq, STEP.name(), "bench", JSON.arrayNode().add(seq), 1000, null, null, null, retry));
      events.add(new Event.ActivityTaskStarted(seq, 1, "w", "a" + seq));
      events.add(new Event.ActivityTaskCompleted(seq, JSON.numberNode(seq)));
      events.add(new Event.WorkflowTaskScheduled("bench"));
    }
    List<StoredEvent> stored = new ArrayList<>(events.size());
    for (int i = 0; i < events.size(); i++) {
      stored.add(new StoredEvent(i + 1, i, events.get(i)));
    }
    return stored;
  }

  /** Replays {@code history} on a fresh instance; true when the run completes with {@code sum}. */
  private static boolean replay(List<StoredEvent> history, long sum) {
    WorkflowInstance instance =
        new WorkflowInstance(
            "run",
            "wf",
            "bench",
            new WorkflowImplementation<>(new LongChainDispatcher(), LongChain::new),
            new PayloadConverter(1 << 20),
            Duration.ofSeconds(60));
    try {
      WorkflowTaskResult result = instance.processTask(history, history.size());
      return result
          .commands()
          .equals(List.of(new Event.WorkflowExecutionCompleted(JSON.numberNode(sum))));
    } finally {
      instance.destroy();
    }
  }

  void run() {
    int[] sizes = {1_000, 10_000, 100_000};
    long budget = bench.quick ? 300_000 : 2_000_000; // events replayed per measured run
    // Warm the JIT on the middle size first.
    List<StoredEvent> warm = history((10_000 - 2) / 6);
    for (int i = 0; i < (bench.quick ? 30 : 100); i++) {
      replay(warm, sumTo((10_000 - 2) / 6));
    }
    double[] medians = new double[sizes.length];
    int[] eventCounts = new int[sizes.length];
    for (int k = 0; k < sizes.length; k++) {
      int size = sizes[k];
      int steps = (size - 2) / 6;
      List<StoredEvent> history = history(steps);
      long sum = sumTo(steps);
      int reps = (int) Math.max(1, budget / history.size());
      List<Double> perEvent = new ArrayList<>();
      int errors = 0;
      for (int r = 0; r < bench.runs; r++) {
        long t0 = System.nanoTime();
        for (int i = 0; i < reps; i++) {
          if (!replay(history, sum)) {
            errors++;
          }
        }
        perEvent.add((System.nanoTime() - t0) / 1e3 / ((double) reps * history.size()));
      }
      report(size, history.size(), reps, perEvent, errors);
      medians[k] = Stats.median(perEvent);
      eventCounts[k] = history.size();
    }
    // time(events) = fixed + perEvent * events: the fixed part (a workflow thread and its
    // scheduler per replay) from the smallest and largest history.
    double slope =
        (medians[2] * eventCounts[2] - medians[0] * eventCounts[0])
            / (eventCounts[2] - eventCounts[0]);
    bench.report.add(
        "B4.replay.fixed",
        "fixed cost of one replay (fresh instance and workflow thread), from the 1k and 100k"
            + " figures",
        "us",
        List.of(medians[0] * eventCounts[0] - slope * eventCounts[0]),
        "errors",
        0,
        "slopeUsPerEvent",
        slope);
  }

  private void report(int size, int events, int reps, List<Double> perEvent, int errors) {
    bench.report.add(
        "B4.replay." + (size / 1000) + "k",
        "replay of a " + events + "-event history, decoded, no database, warm JIT",
        "us/event",
        perEvent,
        "errors",
        errors,
        "events",
        events,
        "replaysPerRun",
        reps);
  }

  private static long sumTo(int n) {
    return (long) n * (n + 1) / 2;
  }
}
