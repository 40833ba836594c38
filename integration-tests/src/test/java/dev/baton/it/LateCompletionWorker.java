package dev.baton.it;

import dev.baton.ActivityContext;
import dev.baton.ActivityOptions;
import dev.baton.Baton;
import dev.baton.BatonOptions;
import dev.baton.WorkerOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A child JVM of {@link LateCompletionAcrossJvmsTest}: a worker of the {@link Slow} workflow with a
 * 2-second activity lease. In mode {@code blocking} (worker A) its activity writes its task token
 * to {@code FOLDER/token-A} and then blocks until {@code FOLDER/release} exists; in mode {@code
 * fast} (worker B) it writes {@code FOLDER/token-B} and returns at once.
 *
 * <p>Arguments: database spec, folder, mode.
 */
public final class LateCompletionWorker {
  private LateCompletionWorker() {}

  /** {@link Slow} whose activity has a 2-second start-to-close lease. */
  public static class ShortLease implements Slow {
    private final Slow_WorkStub work =
        Slow_WorkStub.create(
            ActivityOptions.newBuilder().startToClose(Duration.ofSeconds(2)).build());

    @Override
    public String run(String input) {
      return work.run(input);
    }
  }

  public static void main(String[] args) throws Exception {
    String spec = args[0];
    Path folder = Path.of(args[1]);
    boolean blocking = args[2].equals("blocking");
    Baton baton = TestDatabase.openSpec(spec, BatonOptions.getDefault());
    Slow.Work work =
        input -> {
          ActivityContext context = ActivityContext.current();
          write(folder.resolve(blocking ? "token-A" : "token-B"), context.taskToken());
          if (!blocking) {
            return "result of attempt " + context.attempt() + " from B";
          }
          while (!Files.exists(folder.resolve("release"))) {
            try {
              Thread.sleep(50);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              break;
            }
          }
          System.out.println("A RELEASED");
          return "late result of attempt " + context.attempt() + " from A";
        };
    baton
        .newWorker(
            "slow",
            WorkerOptions.newBuilder()
                .activitySlots(1)
                .maxPollInterval(Duration.ofMillis(200))
                .build())
        .registerWorkflow(ShortLease.class)
        .registerActivities(work)
        .start();
    System.out.println("READY");
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }

  private static void write(Path file, String text) {
    try {
      Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
      Files.writeString(temporary, text);
      Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
