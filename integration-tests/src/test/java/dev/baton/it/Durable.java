package dev.baton.it;

import dev.baton.Activity;
import dev.baton.ActivityMethod;
import dev.baton.Promise;
import dev.baton.Workflow;
import dev.baton.WorkflowInfo;
import dev.baton.WorkflowMethod;
import dev.baton.Workflows;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Workflows for the timer, parallel-branch and deterministic-helper tests. */
public final class Durable {
  private Durable() {}

  /** Sleeps, then reports how long it slept by its own clock. */
  @Workflow(taskQueue = "durable")
  public interface Sleeper {
    /** Sleeps {@code days} days and returns the days {@code Workflows.currentTime()} advanced. */
    @WorkflowMethod
    long sleepDays(int days);
  }

  /** The implementation. */
  public static class SleeperImpl implements Sleeper {
    @Override
    public long sleepDays(int days) {
      Instant before = Workflows.currentTime();
      Workflows.sleep(Duration.ofDays(days));
      return Duration.between(before, Workflows.currentTime()).toDays();
    }
  }

  /** Sleeps a few real seconds, for tests across JVMs where no settable clock reaches. */
  @Workflow(name = "SleeperSeconds", taskQueue = "durable")
  public interface SleeperSeconds {
    /** Sleeps {@code seconds} seconds; returns the workflow's time before and after. */
    @WorkflowMethod
    List<Instant> sleepSeconds(int seconds);
  }

  /** The implementation. */
  public static class SleeperSecondsImpl implements SleeperSeconds {
    @Override
    public List<Instant> sleepSeconds(int seconds) {
      Instant before = Workflows.currentTime();
      Workflows.sleep(Duration.ofSeconds(seconds));
      return List.of(before, Workflows.currentTime());
    }
  }

  /** Sleeps a few real seconds, then calls an activity. */
  @Workflow(taskQueue = "durable")
  public interface NapThenEcho {
    /**
     * Sleeps {@code seconds} seconds, then returns what {@link Echo#echo} returns for {@code n}.
     */
    @WorkflowMethod
    String napThenEcho(int seconds, int n);
  }

  /** The implementation. */
  public static class NapThenEchoImpl implements NapThenEcho {
    private final Durable_EchoStub echo = Durable_EchoStub.create();

    @Override
    public String napThenEcho(int seconds, int n) {
      Workflows.sleep(Duration.ofSeconds(seconds));
      return echo.echo(n);
    }
  }

  /** Schedules an activity and a timer, and returns without waiting for either. */
  @Workflow(taskQueue = "durable")
  public interface Hasty {
    /** Returns {@code "done"} at once, its activity and timer left pending. */
    @WorkflowMethod
    String leaveThingsBehind();
  }

  /** The implementation. */
  public static class HastyImpl implements Hasty {
    private final Durable_EchoStub echo = Durable_EchoStub.create();

    @Override
    public String leaveThingsBehind() {
      echo.async().echo(1);
      Workflows.newTimer(Duration.ofDays(1));
      return "done";
    }
  }

  /** An activity that echoes. */
  @Activity
  public interface Echo {
    /** Returns {@code "echo " + n}. */
    @ActivityMethod(startToClose = "PT30S")
    String echo(int n);
  }

  /** Fans out activities and branches in parallel. */
  @Workflow(taskQueue = "durable")
  public interface FanOut {
    /** Runs {@code count} activities in parallel and returns their results in order. */
    @WorkflowMethod
    List<String> fanOut(int count);
  }

  /** The implementation. */
  public static class FanOutImpl implements FanOut {
    private final Durable_EchoStub echo = Durable_EchoStub.create();

    @Override
    public List<String> fanOut(int count) {
      List<Promise<String>> results = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        results.add(echo.async().echo(i));
      }
      // A branch of workflow code that itself waits for two activities.
      Promise<String> branch = Workflows.async(() -> echo.echo(-1) + "+" + echo.echo(-2));
      Promise.allOf(results).get();
      Promise<String> first = Promise.anyOf(branch, Workflows.async(() -> "never first"));
      List<String> out = new ArrayList<>();
      results.forEach(p -> out.add(p.get()));
      out.add(branch.get());
      out.add(first.get());
      return out;
    }
  }

  /** Counts how often side effects really ran, across replays, in this JVM. */
  public static final AtomicInteger SIDE_EFFECT_RUNS = new AtomicInteger();

  /** Uses the deterministic helpers, before and after an activity, so replays must agree. */
  @Workflow(taskQueue = "durable")
  public interface Helpers {
    /** Returns values the helpers produced, recorded before an activity and checked after. */
    @WorkflowMethod
    List<String> run();
  }

  /** The implementation. */
  public static class HelpersImpl implements Helpers {
    private final Durable_EchoStub echo = Durable_EchoStub.create();

    @Override
    public List<String> run() {
      UUID id = Workflows.randomUUID();
      int dice = Workflows.newRandom().nextInt(1_000_000);
      String effect =
          Workflows.sideEffect(String.class, () -> "effect-" + SIDE_EFFECT_RUNS.incrementAndGet());
      WorkflowInfo info = Workflows.getInfo();
      Instant before = Workflows.currentTime();
      boolean replayingBefore = Workflows.isReplaying();
      // The first run records these inputs in history; every replay must compute them again.
      echo.echo(dice);
      echo.echo(id.hashCode());
      Workflows.getLogger(HelpersImpl.class)
          .info("helpers workflow {} after its activity", info.workflowId());
      // Each value is computed again on every replay; the result shows the final replay's values
      // and whether they matched what the first run saw is checked by the test.
      return List.of(
          id.toString(),
          Integer.toString(dice),
          effect,
          info.workflowId()
              + "|"
              + info.workflowType()
              + "|"
              + info.taskQueue()
              + "|"
              + info.runId(),
          before.toString(),
          Boolean.toString(replayingBefore),
          Boolean.toString(Workflows.isReplaying()));
    }
  }
}
