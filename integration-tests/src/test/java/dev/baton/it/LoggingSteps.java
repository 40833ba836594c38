package dev.baton.it;

import dev.baton.ActivityContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * {@link StepsImpl} that appends a line per execution to a side-effect log (workflow id, activity,
 * attempt, task token) and takes a little time, for the crash and contention tests.
 */
final class LoggingSteps extends StepsImpl {
  private final Path log;
  private final long pauseMillis;

  LoggingSteps(Path log, long pauseMillis) {
    this.log = log;
    this.pauseMillis = pauseMillis;
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
          log, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      Thread.sleep(pauseMillis);
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
