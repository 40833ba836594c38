package dev.baton.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.Baton;
import dev.baton.PayloadException;
import dev.baton.TypeRef;
import dev.baton.UnknownWorkflowTypeException;
import dev.baton.WorkflowAlreadyStartedException;
import dev.baton.WorkflowType;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
  Baton baton;

  @BeforeEach
  void startWorkerWithoutActivities() throws InterruptedException {
    baton = Baton.embedded(folder);
    // No activities registered: the first run stays running, so a second start collides.
    baton.newWorker("fulfilment").registerWorkflow(FulfilmentImpl.class).start();
    FulfilmentClient.of(baton).start("running", ORDER);
    // Let it settle, waiting for its first activity, so that nothing changes the tables meanwhile.
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (baton.history("running").stream()
        .noneMatch(e -> e.type().equals("ActivityTaskScheduled"))) {
      assertThat(System.nanoTime()).isLessThan(deadline);
      Thread.sleep(10);
    }
  }

  @org.junit.jupiter.api.AfterEach
  void close() {
    baton.close();
  }

  @Test
  void unregisteredWorkflowType() throws Exception {
    Map<String, Long> before = TableCounts.of(folder);
    WorkflowType<String> unknown =
        WorkflowType.of("NoSuchWorkflow", "fulfilment", TypeRef.of(String.class));
    assertThatThrownBy(() -> baton.start(unknown, "w-1"))
        .isInstanceOf(UnknownWorkflowTypeException.class)
        .hasMessageContaining("NoSuchWorkflow")
        .hasMessageContaining("registerWorkflow");
    assertThat(TableCounts.of(folder)).isEqualTo(before);
  }

  @Test
  void secondStartOfARunningId() throws Exception {
    Map<String, Long> before = TableCounts.of(folder);
    assertThatThrownBy(() -> FulfilmentClient.of(baton).start("running", ORDER))
        .isInstanceOf(WorkflowAlreadyStartedException.class)
        .hasMessageContaining("'running' already has a running run");
    assertThat(TableCounts.of(folder)).isEqualTo(before);
  }

  @Test
  void payloadThatCannotBeReadBack() throws Exception {
    Map<String, Long> before = TableCounts.of(folder);
    WorkflowType<String> shapes =
        WorkflowType.of(
            "Fulfilment", "fulfilment", TypeRef.of(String.class), TypeRef.of(Shape.class));
    assertThatThrownBy(() -> baton.start(shapes, "w-2", new Circle(3)))
        .isInstanceOf(PayloadException.class)
        .hasMessageContaining(
            "Cannot read workflow Fulfilment argument 0 as " + Shape.class.getName());
    assertThat(TableCounts.of(folder)).isEqualTo(before);
  }

  @Test
  void argumentsThatDoNotMatchTheParameters() throws Exception {
    Map<String, Long> before = TableCounts.of(folder);
    WorkflowType<Fulfilment.Receipt> type = FulfilmentClient.TYPE;
    assertThatThrownBy(() -> baton.start(type, "w-3", ORDER, "extra"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("takes 1 argument(s)");
    assertThat(TableCounts.of(folder)).isEqualTo(before);
  }

  @Test
  void workflowIdOver255Characters() throws Exception {
    Map<String, Long> before = TableCounts.of(folder);
    String longId = "x".repeat(256);
    assertThatThrownBy(() -> FulfilmentClient.of(baton).start(longId, ORDER))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at most 255 characters")
        .hasMessageContaining("has 256");
    assertThat(TableCounts.of(folder)).isEqualTo(before);
    FulfilmentClient.of(baton).start("y".repeat(255), ORDER); // the limit itself is fine
  }
}
