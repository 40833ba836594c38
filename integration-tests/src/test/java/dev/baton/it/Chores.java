package dev.baton.it;

import dev.baton.Activity;
import dev.baton.ActivityContext;
import dev.baton.ActivityFailure;
import dev.baton.ActivityMethod;
import dev.baton.ActivityOptions;
import dev.baton.ApplicationFailure;
import dev.baton.RetryOptions;
import dev.baton.Workflow;
import dev.baton.WorkflowMethod;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/** Activities that time out, heartbeat, fail or wait for a token, and a workflow that runs them. */
public final class Chores {
  private Chores() {}

  /** How many heartbeats in this JVM were told their activity was cancelled. */
  public static final java.util.concurrent.atomic.AtomicInteger CANCELS_HEARD =
      new java.util.concurrent.atomic.AtomicInteger();

  /** Counted down when {@code heartbeatUntilCancelled} starts. */
  public static volatile java.util.concurrent.CountDownLatch heartbeating =
      new java.util.concurrent.CountDownLatch(1);

  /** Task tokens of {@code approval} calls in this JVM, in the order they were issued. */
  public static final BlockingQueue<String> TOKENS = new LinkedBlockingQueue<>();

  /** The activities. */
  @Activity
  public interface Work {
    /** Sleeps {@code millis}, then returns "slept". */
    @ActivityMethod(startToClose = "PT60S")
    String sleepy(long millis);

    /**
     * Heartbeats its progress through {@code steps}; the first attempt stops heartbeating after
     * {@code stallAfter} steps. A retry resumes from the last recorded step.
     */
    @ActivityMethod(startToClose = "PT60S")
    String resumable(int steps, int stallAfter);

    /** Always fails with an {@code ApplicationFailure} of {@code type}. */
    @ActivityMethod(startToClose = "PT60S")
    String alwaysFails(String type);

    /**
     * Heartbeats every 100 ms for up to a minute; returns "heard cancel" when a heartbeat says the
     * workflow cancelled it (and counts that in {@link #CANCELS_HEARD}).
     */
    @ActivityMethod(startToClose = "PT2M", heartbeat = "PT5S")
    String heartbeatUntilCancelled();

    /** Hands out its task token and returns without completing: someone completes it later. */
    @ActivityMethod(startToClose = "P365D")
    String approval(String request);
  }

  /** The implementation. */
  public static class WorkImpl implements Work {
    @Override
    public String sleepy(long millis) {
      try {
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return "slept";
    }

    @Override
    public String resumable(int steps, int stallAfter) {
      ActivityContext context = ActivityContext.current();
      int from = context.heartbeatDetails(Integer.class).orElse(0);
      for (int step = from + 1; step <= steps; step++) {
        if (context.attempt() == 1 && step > stallAfter) {
          sleepy(30_000); // stops heartbeating: the heartbeat timeout ends this attempt
        }
        context.heartbeat(step);
      }
      return "resumed from " + from + " in attempt " + context.attempt();
    }

    @Override
    public String heartbeatUntilCancelled() {
      heartbeating.countDown();
      for (int i = 0; i < 600; i++) {
        try {
          ActivityContext.current().heartbeat(i);
        } catch (dev.baton.ActivityCanceledException e) {
          CANCELS_HEARD.incrementAndGet();
          return "heard cancel";
        }
        sleepy(100);
      }
      return "never cancelled";
    }

    @Override
    public String alwaysFails(String type) {
      throw ApplicationFailure.newFailure("it fails", type);
    }

    @Override
    public String approval(String request) {
      ActivityContext context = ActivityContext.current();
      context.doNotCompleteOnReturn();
      TOKENS.add(context.taskToken());
      System.out.println("TOKEN " + context.taskToken());
      System.out.flush();
      return "ignored";
    }
  }

  /** Runs one scenario and reports how the activity ended. */
  @Workflow(taskQueue = "chores")
  public interface Scenario {
    /** The activity's result, or "failed: TYPE after N: message". */
    @WorkflowMethod
    String run(String scenario);
  }

  /** The implementation. */
  public static class ScenarioImpl implements Scenario {
    @Override
    public String run(String scenario) {
      try {
        return switch (scenario) {
          case "start-to-close" ->
              stub(b -> b.startToClose(Duration.ofSeconds(1)), 1).sleepy(5_000);
          case "heartbeat" -> stub(b -> b.heartbeat(Duration.ofSeconds(1)), 2).resumable(5, 2);
          case "schedule-to-start" ->
              stub(b -> b.taskQueue("nobody-polls").scheduleToStart(Duration.ofSeconds(1)), 1)
                  .sleepy(0);
          case "schedule-to-close" ->
              stub(
                      b ->
                          b.startToClose(Duration.ofSeconds(30))
                              .scheduleToClose(Duration.ofMillis(1500)),
                      3)
                  .sleepy(5_000);
          case "four-attempts" -> stub(b -> b, 4).alwaysFails("Transient");
          case "non-retryable" ->
              Chores_WorkStub.create(
                      ActivityOptions.newBuilder()
                          .retry(
                              RetryOptions.newBuilder()
                                  .initialInterval(Duration.ofMillis(200))
                                  .maximumAttempts(4)
                                  .doNotRetry("Fatal")
                                  .build())
                          .build())
                  .alwaysFails("Fatal");
          case "heartbeat-not-shorter" ->
              stub(b -> b.startToClose(Duration.ofSeconds(5)).heartbeat(Duration.ofSeconds(5)), 1)
                  .sleepy(0);
          case "approval" -> Chores_WorkStub.create().approval("order-1");
          default -> throw new IllegalArgumentException("no scenario " + scenario);
        };
      } catch (ActivityFailure e) {
        return "failed: "
            + e.getCause().type()
            + " after "
            + e.attempt()
            + ": "
            + e.getCause().originalMessage();
      }
    }

    /**
     * A stub with the options {@code options} sets and a retry policy of {@code attempts} attempts,
     * 200 ms apart at first, doubling.
     */
    private static Chores_WorkStub stub(
        java.util.function.UnaryOperator<ActivityOptions.Builder> options, int attempts) {
      return Chores_WorkStub.create(
          options
              .apply(ActivityOptions.newBuilder())
              .retry(
                  RetryOptions.newBuilder()
                      .initialInterval(Duration.ofMillis(200))
                      .backoffCoefficient(2)
                      .maximumAttempts(attempts)
                      .build())
              .build());
    }
  }
}
