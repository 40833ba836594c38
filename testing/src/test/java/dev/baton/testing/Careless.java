package dev.baton.testing;

import dev.baton.Activity;
import dev.baton.ActivityMethod;
import dev.baton.Workflow;
import dev.baton.WorkflowMethod;
import dev.baton.Workflows;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.UUID;
import java.util.function.LongSupplier;

/**
 * A workflow that makes, on request, each call the determinism guard forbids, and an activity that
 * makes all of them (where they are allowed).
 */
public final class Careless {
  private Careless() {}

  /** Does what it is told. */
  @Workflow(taskQueue = "careless")
  public interface Workflow1 {
    /** Makes the call named {@code what}; returns something derived from it. */
    @WorkflowMethod
    String call(String what);
  }

  /** Calls the activity, which does everything the workflow may not. */
  @Workflow(taskQueue = "careless")
  public interface Delegating {
    /** Returns what the activity reports. */
    @WorkflowMethod
    String delegate();
  }

  /** Does in activity code what workflow code must not. */
  @Activity
  public interface Chores {
    /** Reads the clock, sleeps, draws random numbers, starts a thread, reads a file. */
    @ActivityMethod(startToClose = "PT30S")
    String everything();
  }

  /** The workflow implementation: non-deterministic on purpose. */
  @SuppressWarnings("baton-determinism") // on purpose: the runtime guard must catch each call
  public static class Workflow1Impl implements Workflow1 {
    @Override
    public String call(String what) {
      try {
        return switch (what) {
          case "currentTimeMillis" -> "at " + System.currentTimeMillis();
          case "methodReference" -> {
            LongSupplier clock = System::currentTimeMillis;
            yield "at " + clock.getAsLong();
          }
          case "sleep" -> {
            Thread.sleep(10);
            yield "slept";
          }
          case "random" -> "drew " + new Random().nextInt();
          case "uuid" -> "made " + UUID.randomUUID();
          case "thread" -> {
            Thread thread = new Thread(() -> {});
            thread.start();
            yield "started " + thread.getName();
          }
          case "io" -> "read " + Files.readString(Path.of("/etc/hostname"));
          case "lambda" -> {
            Runnable body = () -> UUID.randomUUID();
            body.run();
            yield "ran";
          }
          case "seededRandom" -> "drew " + new Random(42).nextInt(10);
          case "deterministic" ->
              "at " + Workflows.currentTime() + " drew " + Workflows.newRandom().nextInt(10);
          default -> throw new IllegalArgumentException(what);
        };
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** The delegating workflow's implementation. */
  public static class DelegatingImpl implements Delegating {
    private final Careless_ChoresStub chores = Careless_ChoresStub.create();

    @Override
    public String delegate() {
      return chores.everything();
    }
  }

  /** The activity: every call here is fine. */
  public static final class ChoresImpl implements Chores {
    @Override
    public String everything() {
      try {
        long millis = System.currentTimeMillis();
        Thread.sleep(1);
        int random = new Random().nextInt(10);
        UUID id = UUID.randomUUID();
        Thread thread = new Thread(() -> {});
        thread.start();
        thread.join();
        Path file = Files.createTempFile("baton-chores", ".txt");
        Files.writeString(file, "done");
        String text = Files.readString(file);
        Files.delete(file);
        return text + (millis > 0) + (random >= 0) + (id != null);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /** A workflow class that is its own contract. */
  @Workflow(taskQueue = "careless")
  @SuppressWarnings("baton-determinism") // on purpose: the runtime guard must catch the call
  public static class SelfContained {
    /** Returns a random id, which it must not. */
    @WorkflowMethod
    public String run() {
      return "made " + UUID.randomUUID();
    }
  }
}
