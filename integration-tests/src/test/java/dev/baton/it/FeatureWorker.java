package dev.baton.it;

import dev.baton.Baton;
import dev.baton.BatonOptions;
import dev.baton.WorkerOptions;
import java.time.Duration;

/**
 * The child JVM of {@link FeatureCrashTest}: a worker for the timer, signal, fan-out and query
 * workflows, running until it is killed. Argument: the database spec.
 */
public final class FeatureWorker {
  private FeatureWorker() {}

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
    System.out.println("READY");
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
