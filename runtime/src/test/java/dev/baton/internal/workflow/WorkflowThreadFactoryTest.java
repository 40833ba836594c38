package dev.baton.internal.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;

/** Workflow code runs on virtual threads on Java 21+ and on platform threads before. */
class WorkflowThreadFactoryTest {
  @Test
  void workflowThreadsAreVirtualExactlyWhereTheJvmHasThem() throws Exception {
    boolean jvmHasVirtualThreads = Runtime.version().feature() >= 21;
    Thread thread = WorkflowThreadFactory.newThread("probe", () -> {});

    assertThat(WorkflowThreadFactory.usesVirtualThreads()).isEqualTo(jvmHasVirtualThreads);
    assertThat(thread.getName()).isEqualTo("probe");
    if (jvmHasVirtualThreads) {
      Method isVirtual = Thread.class.getMethod("isVirtual");
      assertThat((Boolean) isVirtual.invoke(thread)).isTrue();
    } else {
      assertThat(thread.isDaemon()).isTrue();
    }
    System.out.println(
        "Java "
            + Runtime.version().feature()
            + ": workflow threads are "
            + (jvmHasVirtualThreads ? "virtual" : "platform")
            + " threads");
  }
}
