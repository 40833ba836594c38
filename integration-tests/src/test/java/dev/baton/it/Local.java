package dev.baton.it;

import dev.baton.Activity;
import dev.baton.ActivityContext;
import dev.baton.ActivityFailure;
import dev.baton.ActivityMethod;
import dev.baton.LocalActivityOptions;
import dev.baton.Promise;
import dev.baton.RetryOptions;
import dev.baton.Signal;
import dev.baton.Workflow;
import dev.baton.WorkflowMethod;
import dev.baton.Workflows;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Workflows and activities for the local activity tests. */
public final class Local {
  private Local() {}

  /** Short steps a workflow runs as local activities. */
  @Activity
  public interface Tools {
    /** Returns {@code text} in brackets. */
    @ActivityMethod(startToClose = "PT10S")
    String tag(String text);

    /** Fails its first {@code failures} attempts for {@code key}, then names the attempt. */
    @ActivityMethod(startToClose = "PT10S")
    String flaky(String key, int failures);

    /** Sleeps {@code millis}, then returns how many calls of it were running at most at once. */
    @ActivityMethod(startToClose = "PT30S")
    int slow(long millis);

    /** What {@link ActivityContext} says inside a local activity. */
    @ActivityMethod(startToClose = "PT10S")
    List<String> context();
  }

  /** Counts calls, in this JVM, so tests can tell a replay from a second run. */
  public static final class ToolsImpl implements Tools {
    final AtomicInteger tagCalls = new AtomicInteger();
    final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    final AtomicInteger slowCalls = new AtomicInteger();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger maxRunning = new AtomicInteger();

    @Override
    public String tag(String text) {
      tagCalls.incrementAndGet();
      return "[" + text + "]";
    }

    @Override
    public String flaky(String key, int failures) {
      int attempt = attempts.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
      if (attempt <= failures) {
        throw new IllegalStateException("flaky failure " + attempt);
      }
      return "ok on attempt " + ActivityContext.current().attempt();
    }

    @Override
    public int slow(long millis) {
      slowCalls.incrementAndGet();
      maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
      try {
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        running.decrementAndGet();
      }
      return maxRunning.get();
    }

    @Override
    public List<String> context() {
      ActivityContext context = ActivityContext.current();
      String token;
      try {
        token = context.taskToken();
      } catch (IllegalStateException e) {
        token = "no token: " + e.getMessage();
      }
      return List.of(
          context.workflowId(),
          context.runId(),
          context.activityType(),
          context.activityId(),
          Integer.toString(context.attempt()),
          context.scheduledTime().toString(),
          token);
    }
  }

  /** Tags its inputs with local activities, waits for a signal, then tags one more. */
  @Workflow(taskQueue = "local")
  public interface Pipeline {
    /** Returns each input tagged, then "[last]". */
    @WorkflowMethod
    List<String> run(List<String> inputs);

    /** Lets the workflow go on. */
    @Signal
    void proceed();
  }

  /** The implementation. */
  public static class PipelineImpl implements Pipeline {
    private final Local_ToolsStub tools = Local_ToolsStub.local();
    private boolean proceed;

    @Override
    public List<String> run(List<String> inputs) {
      List<String> out = new ArrayList<>();
      for (String input : inputs) {
        out.add(tools.tag(input));
      }
      Workflows.await(() -> proceed);
      out.add(tools.tag("last"));
      return out;
    }

    @Override
    public void proceed() {
      proceed = true;
    }
  }

  /** Runs {@code flaky} locally under a given retry policy and reports how it ended. */
  @Workflow(taskQueue = "local")
  public interface Retrying {
    /**
     * Returns the activity's result, or "failed after N: type" when it failed for good.
     *
     * @param thresholdMillis the local retry threshold
     */
    @WorkflowMethod
    String run(String key, int failures, int maximumAttempts, long thresholdMillis);
  }

  /** The implementation. */
  public static class RetryingImpl implements Retrying {
    @Override
    public String run(String key, int failures, int maximumAttempts, long thresholdMillis) {
      Local_ToolsStub tools =
          Local_ToolsStub.local(
              LocalActivityOptions.newBuilder()
                  .retry(
                      RetryOptions.newBuilder()
                          .initialInterval(Duration.ofMillis(200))
                          .maximumAttempts(maximumAttempts)
                          .build())
                  .localRetryThreshold(Duration.ofMillis(thresholdMillis))
                  .build());
      try {
        return tools.flaky(key, failures);
      } catch (ActivityFailure e) {
        return "failed after " + e.attempt() + ": " + e.getCause().type();
      }
    }
  }

  /** Runs {@code slow} locally, several at once or with a short start-to-close. */
  @Workflow(taskQueue = "local")
  public interface Parallel {
    /** Runs {@code count} slow calls in parallel; returns what each saw, or the failure type. */
    @WorkflowMethod
    List<String> run(int count, long millis, long startToCloseMillis);
  }

  /** The implementation. */
  public static class ParallelImpl implements Parallel {
    @Override
    public List<String> run(int count, long millis, long startToCloseMillis) {
      Local_ToolsStub tools =
          Local_ToolsStub.local(
              LocalActivityOptions.newBuilder()
                  .startToClose(Duration.ofMillis(startToCloseMillis))
                  .retry(RetryOptions.newBuilder().maximumAttempts(2).build())
                  .build());
      List<Promise<Integer>> calls = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        calls.add(tools.async().slow(millis));
      }
      List<String> out = new ArrayList<>();
      for (Promise<Integer> call : calls) {
        try {
          out.add("saw " + call.get());
        } catch (ActivityFailure e) {
          out.add(e.getCause().type() + " after " + e.attempt());
        }
      }
      return out;
    }
  }

  /** Returns what a local activity's context says. */
  @Workflow(taskQueue = "local")
  public interface Context {
    /** The context's fields, from a local activity called after one other. */
    @WorkflowMethod
    List<String> run();
  }

  /** The implementation. */
  public static class ContextImpl implements Context {
    @Override
    public List<String> run() {
      Local_ToolsStub tools = Local_ToolsStub.local();
      tools.tag("first");
      return tools.context();
    }
  }
}
