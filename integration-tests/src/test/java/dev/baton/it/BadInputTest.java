package dev.baton.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.Baton;
import dev.baton.BatonOptions;
import dev.baton.PayloadException;
import dev.baton.TypeRef;
import dev.baton.UnknownWorkflowTypeException;
import dev.baton.WorkflowAlreadyStartedException;
import dev.baton.WorkflowType;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.io.TempDir;

/** Bad input gets a clear exception and changes nothing stored. */
class BadInputTest {
  /** A parameter type Jackson can write but not read back: an interface. */
  interface Shape {}

  /** A shape that serialises fine. */
  record Circle(int radius) implements Shape {}

  static final Fulfilment.Order ORDER =
      new Fulfilment.Order("o", List.of(new Fulfilment.Line("a", 1)), 5);

  @TempDir Path folder;

  /** Runs {@code check} against a database holding one running workflow, id "running". */
  private void withRunningWorkflow(DatabaseKind kind, Check check) throws Exception {
    try (TestDatabase db = kind.create(folder);
        Baton baton = db.open(BatonOptions.newBuilder().payloadLimitBytes(4_096).build())) {
      // No activities registered: the run stays running, so a second start collides.
      baton.newWorker("fulfilment").registerWorkflow(FulfilmentImpl.class).start();
      FulfilmentClient.of(baton).start("running", ORDER);
      // Let it settle, waiting for its first activity, so nothing changes the tables meanwhile.
      long deadline = System.nanoTime() + 30_000_000_000L;
      while (baton.history("running").stream()
          .noneMatch(e -> e.type().equals("ActivityTaskScheduled"))) {
        assertThat(System.nanoTime()).isLessThan(deadline);
        Thread.sleep(10);
      }
      check.run(db, baton);
    }
  }

  private interface Check {
    void run(TestDatabase db, Baton baton) throws Exception;
  }

  /** Asserts that {@code call} throws and leaves every table's row count as it was. */
  private static org.assertj.core.api.AbstractThrowableAssert<?, ? extends Throwable> rejects(
      TestDatabase db, ThrowingCallable call) throws Exception {
    Map<String, Long> before = db.tableCounts();
    var thrown = assertThatThrownBy(call);
    assertThat(db.tableCounts()).isEqualTo(before);
    return thrown;
  }

  @AllDatabases
  void unregisteredWorkflowType(DatabaseKind kind) throws Exception {
    withRunningWorkflow(
        kind,
        (db, baton) -> {
          WorkflowType<String> unknown =
              WorkflowType.of("NoSuchWorkflow", "fulfilment", TypeRef.of(String.class));
          rejects(db, () -> baton.start(unknown, "w-1"))
              .isInstanceOf(UnknownWorkflowTypeException.class)
              .hasMessageContaining("NoSuchWorkflow")
              .hasMessageContaining("registerWorkflow");
        });
  }

  @AllDatabases
  void secondStartOfARunningId(DatabaseKind kind) throws Exception {
    withRunningWorkflow(
        kind,
        (db, baton) ->
            rejects(db, () -> FulfilmentClient.of(baton).start("running", ORDER))
                .isInstanceOf(WorkflowAlreadyStartedException.class)
                .hasMessageContaining("'running' already has a running run"));
  }

  @AllDatabases
  void payloadThatCannotBeReadBack(DatabaseKind kind) throws Exception {
    withRunningWorkflow(
        kind,
        (db, baton) -> {
          WorkflowType<String> shapes =
              WorkflowType.of(
                  "Fulfilment", "fulfilment", TypeRef.of(String.class), TypeRef.of(Shape.class));
          rejects(db, () -> baton.start(shapes, "w-2", new Circle(3)))
              .isInstanceOf(PayloadException.class)
              .hasMessageContaining(
                  "Cannot read workflow Fulfilment argument 0 as " + Shape.class.getName());
        });
  }

  @AllDatabases
  void payloadOverTheSizeLimit(DatabaseKind kind) throws Exception {
    withRunningWorkflow(
        kind,
        (db, baton) -> {
          Fulfilment.Order huge =
              new Fulfilment.Order("big", List.of(new Fulfilment.Line("x".repeat(5_000), 1)), 1);
          rejects(db, () -> FulfilmentClient.of(baton).start("big", huge))
              .isInstanceOf(PayloadException.class)
              .hasMessageContaining("over the payload limit of 4096 bytes")
              .hasMessageContaining("payloadLimitBytes");
        });
  }

  @AllDatabases
  void argumentsThatDoNotMatchTheParameters(DatabaseKind kind) throws Exception {
    withRunningWorkflow(
        kind,
        (db, baton) ->
            rejects(db, () -> baton.start(FulfilmentClient.TYPE, "w-3", ORDER, "extra"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("takes 1 argument(s)"));
  }

  @AllDatabases
  void workflowIdOver255Characters(DatabaseKind kind) throws Exception {
    withRunningWorkflow(
        kind,
        (db, baton) -> {
          String longId = "é".repeat(256);
          rejects(db, () -> FulfilmentClient.of(baton).start(longId, ORDER))
              .isInstanceOf(IllegalArgumentException.class)
              .hasMessageContaining("at most 255 characters")
              .hasMessageContaining("has 256");
          // The limit itself is fine, even in 2-byte characters.
          FulfilmentClient.of(baton).start("é".repeat(255), ORDER);
          assertThat(baton.describe("é".repeat(255)).workflowId()).isEqualTo("é".repeat(255));
        });
  }
}
