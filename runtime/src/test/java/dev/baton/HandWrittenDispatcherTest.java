package dev.baton;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runtime is usable without the annotation processor: a workflow and its activities run through
 * hand-written dispatchers.
 */
class HandWrittenDispatcherTest {
  interface Greeter {
    String greet(String name);
  }

  static final ActivityType<String> HELLO =
      ActivityType.of(
          "Greeting.hello",
          ActivityOptions.newBuilder().startToClose(Duration.ofSeconds(30)).build(),
          TypeRef.of(String.class),
          TypeRef.of(String.class));

  static final WorkflowType<String> GREETER =
      WorkflowType.of("Greeter", "greetings", TypeRef.of(String.class), TypeRef.of(String.class));

  static final class GreeterImpl implements Greeter {
    @Override
    public String greet(String name) {
      String first = Workflows.executeActivity(HELLO, ActivityOptions.none(), name);
      Promise<String> second = Workflows.executeActivityAsync(HELLO, ActivityOptions.none(), first);
      return second.get();
    }
  }

  static final class GreeterDispatcher implements WorkflowDispatcher<Greeter> {
    @Override
    public WorkflowType<?> type() {
      return GREETER;
    }

    @Override
    public Class<Greeter> workflowClass() {
      return Greeter.class;
    }

    @Override
    public Object execute(Greeter workflow, Object[] arguments) {
      return workflow.greet((String) arguments[0]);
    }
  }

  static final class HelloDispatcher implements ActivityDispatcher<Object> {
    @Override
    public Class<Object> activityInterface() {
      return Object.class;
    }

    @Override
    public List<ActivityType<?>> activityTypes() {
      return List.of(HELLO);
    }

    @Override
    public Object execute(Object activities, String activityType, Object[] arguments) {
      return "hello " + arguments[0];
    }
  }

  @Test
  void workflowRunsThroughHandWrittenDispatchers(@TempDir Path folder) {
    try (Baton baton = Baton.embedded(folder)) {
      baton
          .newWorker("greetings")
          .registerWorkflow(new GreeterDispatcher(), GreeterImpl::new)
          .registerActivities(new HelloDispatcher(), new Object())
          .start();

      String result = baton.start(GREETER, "greet-1", "Ada").result(Duration.ofSeconds(30));

      assertThat(result).isEqualTo("hello hello Ada");
      assertThat(baton.history("greet-1"))
          .extracting(HistoryEvent::type)
          .containsExactly(
              "WorkflowExecutionStarted",
              "WorkflowTaskScheduled",
              "WorkflowTaskStarted",
              "WorkflowTaskCompleted",
              "ActivityTaskScheduled",
              "ActivityTaskStarted",
              "ActivityTaskCompleted",
              "WorkflowTaskScheduled",
              "WorkflowTaskStarted",
              "WorkflowTaskCompleted",
              "ActivityTaskScheduled",
              "ActivityTaskStarted",
              "ActivityTaskCompleted",
              "WorkflowTaskScheduled",
              "WorkflowTaskStarted",
              "WorkflowTaskCompleted",
              "WorkflowExecutionCompleted");
    }
  }
}
