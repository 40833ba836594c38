package dev.baton.it;

import dev.baton.Baton;
import dev.baton.BatonOptions;
import dev.baton.WorkerOptions;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A child JVM of {@link ContentionTest}: a worker of the {@link Fulfilment} workflow ({@link
 * CrashFulfilmentImpl}, 2-second activity leases) on a shared database, which logs every activity
 * execution to its own file and works until it is killed.
 *
 * <p>Arguments: database spec ({@link TestDatabase#spec()}), side-effect log.
 */
public final class ContentionWorker {
  private ContentionWorker() {}

  public static void main(String[] args) throws Exception {
    String spec = args[0];
    Path log = Path.of(args[1]);
    Baton baton = TestDatabase.openSpec(spec, BatonOptions.getDefault());
    baton
        .newWorker(
            "fulfilment",
            WorkerOptions.newBuilder()
                .workflowTaskTimeout(Duration.ofSeconds(5))
                .workflowSlots(4)
                .activitySlots(8)
                .maxPollInterval(Duration.ofMillis(200))
                .eagerDispatch(DispatchMode.eagerInThisJvm())
                .groupCommit(DispatchMode.groupCommitInThisJvm())
                .build())
        .registerWorkflow(CrashFulfilmentImpl.class)
        .registerActivities(new LoggingSteps(log, 20))
        .start();
    System.out.println("READY");
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
