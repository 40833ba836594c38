package dev.baton.it;

import dev.baton.Baton;
import dev.baton.BatonOptions;
import dev.baton.WorkerOptions;
import dev.baton.WorkflowNotFoundException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The child JVM of {@link CrashRecoveryTest}: starts the workflows that are not started yet and
 * works them, logging every activity execution, until it is killed ({@code work}) or until every
 * workflow has closed ({@code final}).
 *
 * <p>Arguments: database spec ({@link TestDatabase#spec()}), side-effect log, workflow count, mode.
 */
public final class CrashWorker {
  private CrashWorker() {}

  /** The order of workflow {@code i}. */
  static Fulfilment.Order order(int i) {
    return new Fulfilment.Order(
        "crash-" + i, List.of(new Fulfilment.Line("sku", 1 + i % 5)), 100 * i);
  }

  public static void main(String[] args) throws Exception {
    String database = args[0];
    Path log = Path.of(args[1]);
    int count = Integer.parseInt(args[2]);
    boolean finalRun = args[3].equals("final");
    Baton baton = TestDatabase.openSpec(database, BatonOptions.getDefault());
    baton
        .newWorker(
            "fulfilment",
            WorkerOptions.newBuilder()
                .workflowTaskTimeout(Duration.ofSeconds(2))
                .activitySlots(4)
                .maxPollInterval(Duration.ofMillis(200))
                .eagerDispatch(DispatchMode.eagerInThisJvm())
                .groupCommit(DispatchMode.groupCommitInThisJvm())
                .build())
        .registerWorkflow(CrashFulfilmentImpl.class)
        .registerActivities(new LoggingSteps(log, 30))
        .start();
    FulfilmentClient client = FulfilmentClient.of(baton);
    for (int i = 0; i < count; i++) {
      Fulfilment.Order order = order(i);
      try {
        baton.describe(order.id());
      } catch (WorkflowNotFoundException notStarted) {
        client.start(order.id(), order);
      }
    }
    System.out.println("READY");
    System.out.flush();
    if (!finalRun) {
      Thread.sleep(Long.MAX_VALUE);
    }
    for (int i = 0; i < count; i++) {
      client.handle(order(i).id()).result(Duration.ofMinutes(3));
    }
    System.out.println("ALL DONE");
    baton.close();
  }
}
