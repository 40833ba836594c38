package dev.baton.it;

import dev.baton.ActivityContext;
import dev.baton.Baton;
import dev.baton.BatonOptions;
import dev.baton.WorkerOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;

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
                .build())
        .registerWorkflow(CrashFulfilmentImpl.class)
        .registerActivities(new LoggingSteps(log))
        .start();
    System.out.println("READY");
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }

  /**
   * {@link StepsImpl} that appends a line per execution to a log: workflow id, activity, attempt,
   * task token.
   */
  static final class LoggingSteps extends StepsImpl {
    private final Path log;

    LoggingSteps(Path log) {
      this.log = log;
    }

    private void record(String activity) {
      ActivityContext context = ActivityContext.current();
      String line =
          context.workflowId()
              + "|"
              + activity
              + "|"
              + context.attempt()
              + "|"
              + context.taskToken()
              + "\n";
      try {
        Files.writeString(
            log,
            line,
            StandardCharsets.UTF_8,
            StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
        Thread.sleep(20);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    @Override
    public String reserve(String orderId, List<Fulfilment.Line> lines) {
      record("Steps.reserve");
      return super.reserve(orderId, lines);
    }

    @Override
    public String charge(String orderId, int cents) {
      record("Steps.charge");
      return super.charge(orderId, cents);
    }

    @Override
    public String ship(String orderId) {
      record("Steps.ship");
      return super.ship(orderId);
    }
  }
}
