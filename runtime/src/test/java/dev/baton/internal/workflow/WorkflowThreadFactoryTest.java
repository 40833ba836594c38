package dev.baton.internal.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Workflow code runs on virtual threads on Java 21+ and on pooled platform threads before, named
 * after the branch while they run it.
 */
class WorkflowThreadFactoryTest {
  private final boolean jvmHasVirtualThreads = Runtime.version().feature() >= 21;

  /** What a body saw of the thread it ran on. */
  private record Seen(Thread thread, String name, boolean daemon, boolean interrupted) {}

  private Seen runOnWorkflowThread(String name, Runnable more) throws InterruptedException {
    BlockingQueue<Seen> seen = new ArrayBlockingQueue<>(1);
    WorkflowThreadFactory.start(
        name,
        () -> {
          Thread me = Thread.currentThread();
          seen.add(new Seen(me, me.getName(), me.isDaemon(), me.isInterrupted()));
          more.run();
        });
    Seen result = seen.poll(10, TimeUnit.SECONDS);
    assertThat(result).as("the body ran").isNotNull();
    return result;
  }

  @Test
  void workflowThreadsAreVirtualExactlyWhereTheJvmHasThem() throws Exception {
    Seen seen = runOnWorkflowThread("probe", () -> {});

    assertThat(WorkflowThreadFactory.usesVirtualThreads()).isEqualTo(jvmHasVirtualThreads);
    assertThat(seen.name()).isEqualTo("probe");
    assertThat(seen.daemon()).isTrue();
    if (jvmHasVirtualThreads) {
      Method isVirtual = Thread.class.getMethod("isVirtual");
      assertThat((Boolean) isVirtual.invoke(seen.thread())).isTrue();
    }
    System.out.println(
        "Java "
            + Runtime.version().feature()
            + ": workflow threads are "
            + (jvmHasVirtualThreads ? "virtual" : "pooled platform")
            + " threads");
  }

  @Test
  void aPlatformThreadRunsTheNextBranchOnceItsBranchEndsWithoutItsNameOrInterrupt()
      throws Exception {
    Seen first = runOnWorkflowThread("first", () -> Thread.currentThread().interrupt());
    waitUntilIdle(first.thread());

    Set<Thread> idle =
        Thread.getAllStackTraces().keySet().stream()
            .filter(t -> t.getName().equals(WorkflowThreadFactory.IDLE_NAME))
            .collect(Collectors.toSet());

    Seen second = runOnWorkflowThread("second", () -> {});

    if (jvmHasVirtualThreads) {
      assertThat(second.thread()).isNotSameAs(first.thread());
    } else {
      assertThat(idle)
          .as("the first branch's thread went back to the pool")
          .contains(first.thread());
      assertThat(idle).as("the second branch ran on a pooled thread").contains(second.thread());
    }
    assertThat(second.name()).isEqualTo("second");
    assertThat(second.interrupted()).as("the first branch's interrupt ended with it").isFalse();
  }

  /** Waits until {@code thread} has finished its branch: ended (virtual) or back in the pool. */
  private void waitUntilIdle(Thread thread) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (thread.isAlive()
        && !thread.getName().equals(WorkflowThreadFactory.IDLE_NAME)
        && System.nanoTime() < deadline) {
      Thread.sleep(1);
    }
    // Named idle just before it waits for the pool's next branch; give it a moment to wait.
    Thread.sleep(50);
  }
}
