package dev.baton.it;

import dev.baton.Baton;
import dev.baton.BatonOptions;
import dev.baton.WorkerOptions;
import java.time.Duration;

/**
 * The child JVM of {@link FeatureCrashTest}: a worker for the timer, signal, fan-out and query
 * workflows, a local activity and an activity completed by token, running until it is killed.
 * Argument: the database spec.
 */
public final class FeatureWorker {
  private FeatureWorker() {}

  /** Local activities that print LOCAL-RUNNING when a slow one starts, so a kill can land then. */
  private static final class AnnouncingTools implements Local.Tools {
    private final Local.ToolsImpl tools = new Local.ToolsImpl();

    @Override
    public String tag(String text) {
      return tools.tag(text);
    }

    @Override
    public String flaky(String key, int failures) {
      return tools.flaky(key, failures);
    }

    @Override
    public int slow(long millis) {
      System.out.println("LOCAL-RUNNING");
      System.out.flush();
      return tools.slow(millis);
    }

    @Override
    public java.util.List<String> context() {
      return tools.context();
    }
  }

  public static void main(String[] args) throws Exception {
    Baton baton = TestDatabase.openSpec(args[0], BatonOptions.getDefault());
    Durable.Echo echo =
        n -> {
          try {
            Thread.sleep(5); // so a kill can land half-way through a fan-out
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return "echo " + n;
        };
    WorkerOptions options =
        WorkerOptions.newBuilder()
            .workflowTaskTimeout(Duration.ofSeconds(2))
            .maxPollInterval(Duration.ofMillis(200))
            .build();
    baton
        .newWorker("durable", options)
        .registerWorkflow(Durable.SleeperSecondsImpl.class)
        .registerWorkflow(Durable.FanOutImpl.class)
        .registerActivities(echo)
        .start();
    baton.newWorker("inbox", options).registerWorkflow(Inbox.Impl.class).start();
    baton
        .newWorker("local", options)
        .registerWorkflow(Local.ParallelImpl.class)
        .registerActivities(new AnnouncingTools())
        .start();
    baton
        .newWorker("chores", options)
        .registerWorkflow(Chores.ScenarioImpl.class)
        .registerWorkflow(Cancellable.Impl.class)
        .registerActivities(new Chores.WorkImpl())
        .start();
    baton.newWorker("parents", options).registerWorkflow(Family.Impl.class).start();
    baton
        .newWorker("greeters", options)
        .registerWorkflow(dev.baton.it.greeter.Greeter.Impl.class)
        .start();
    System.out.println("READY");
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
