package dev.baton.internal.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.baton.TypeRef;
import dev.baton.WorkflowDispatcher;
import dev.baton.WorkflowType;
import dev.baton.internal.history.Event;
import dev.baton.internal.history.StoredEvent;
import dev.baton.internal.json.PayloadConverter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Workflow code that blocks outside Baton's API fails its workflow task as a potential deadlock
 * that names the branch and where it was, and its thread is interrupted; the next workflow's code
 * runs as usual on the threads that are left (pooled platform threads on Java 17).
 */
class DeadlockDetectionTest {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final WorkflowType<String> TYPE =
      WorkflowType.of("Blocker", "q", TypeRef.of(String.class));

  /** Blocks on a latch (what workflow code must not do) when told to; returns at once otherwise. */
  static final class Blocker {
    static final CountDownLatch interrupted = new CountDownLatch(1);
    static volatile boolean block = true;

    String run() {
      if (!block) {
        return "ran";
      }
      try {
        new CountDownLatch(1).await(30, TimeUnit.SECONDS);
        return "not interrupted";
      } catch (InterruptedException e) {
        interrupted.countDown();
        return "interrupted";
      }
    }
  }

  static final class BlockerDispatcher implements WorkflowDispatcher<Blocker> {
    @Override
    public WorkflowType<?> type() {
      return TYPE;
    }

    @Override
    public Class<Blocker> workflowClass() {
      return Blocker.class;
    }

    @Override
    public Object execute(Blocker workflow, Object[] arguments) {
      return workflow.run();
    }
  }

  private static WorkflowInstance newInstance(String runId) {
    return new WorkflowInstance(
        runId,
        "wf-" + runId,
        "q",
        new WorkflowImplementation<>(new BlockerDispatcher(), Blocker::new),
        new PayloadConverter(1 << 20),
        Duration.ofMillis(300));
  }

  private static List<StoredEvent> started() {
    return List.of(
        new StoredEvent(
            1, 10, new Event.WorkflowExecutionStarted("Blocker", "q", JSON.arrayNode())),
        new StoredEvent(2, 10, new Event.WorkflowTaskScheduled("q")));
  }

  @Test
  void codeThatBlocksFailsTheTaskNamingWhereItWasAndIsInterrupted() throws Exception {
    Blocker.block = true;
    WorkflowInstance blocked = newInstance("blocked");
    try {
      assertThatThrownBy(() -> blocked.processTask(started(), 20))
          .isInstanceOf(PotentialDeadlockException.class)
          .hasMessageContaining("did not yield to Baton within 300 ms")
          .hasMessageContaining("CountDownLatch.await")
          .hasMessageContaining(Blocker.class.getName() + ".run");
      assertThat(Blocker.interrupted.await(10, TimeUnit.SECONDS))
          .as("the blocked branch's thread was interrupted")
          .isTrue();
    } finally {
      blocked.destroy();
    }

    Blocker.block = false;
    WorkflowInstance next = newInstance("next");
    try {
      WorkflowTaskResult result = next.processTask(started(), 20);
      assertThat(result.commands())
          .singleElement()
          .isInstanceOfSatisfying(
              Event.WorkflowExecutionCompleted.class,
              completed -> assertThat(completed.result().asText()).isEqualTo("ran"));
    } finally {
      next.destroy();
    }
  }
}
