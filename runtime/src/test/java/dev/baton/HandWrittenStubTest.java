package dev.baton;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The base classes that generated code extends are usable by hand, without the annotation
 * processor: a client, an activity stub (blocking, async and local), a child workflow stub and both
 * dispatchers, written as the processor would write them.
 */
class HandWrittenStubTest {
  interface Greeting {
    String hello(String name);
  }

  interface Parent {
    String run(String name);
  }

  interface Child {
    String greet(String name);

    void poke(String value);
  }

  static final ActivityType<String> HELLO =
      ActivityType.of(
          "Greeting.hello",
          ActivityOptions.newBuilder().startToClose(Duration.ofSeconds(30)).build(),
          TypeRef.of(String.class),
          TypeRef.of(String.class));

  static final WorkflowType<String> PARENT =
      WorkflowType.of("Parent", "stubs", TypeRef.of(String.class), TypeRef.of(String.class));

  static final WorkflowType<String> CHILD =
      WorkflowType.of("Child", "stubs", TypeRef.of(String.class), TypeRef.of(String.class));

  static final SignalType POKE = SignalType.of("poke", TypeRef.of(String.class));

  static final class GreetingStub extends AbstractActivityStub implements Greeting {
    private GreetingStub(ActivityOptions options, LocalActivityOptions localOptions) {
      super(options, localOptions);
    }

    static GreetingStub create() {
      return new GreetingStub(ActivityOptions.none(), null);
    }

    static GreetingStub local() {
      return new GreetingStub(ActivityOptions.none(), LocalActivityOptions.none());
    }

    @Override
    public String hello(String name) {
      return call(HELLO, name).get();
    }

    Async async() {
      return new Async(this);
    }

    static final class Async extends AbstractActivityStub {
      private Async(GreetingStub stub) {
        super(stub);
      }

      Promise<String> hello(String name) {
        return call(HELLO, name);
      }
    }
  }

  static final class ChildStub extends AbstractChildWorkflowStub<String> {
    ChildStub(ChildWorkflowOptions options) {
      super(CHILD, options);
    }

    Promise<String> greetAsync(String name) {
      return startChild(name);
    }

    String greet(String name) {
      return startChild(name).get();
    }

    void poke(String value) {
      signalChild(POKE, value);
    }
  }

  static final class ParentClient extends AbstractWorkflowClient<String> {
    ParentClient(Baton baton) {
      super(baton, PARENT);
    }

    WorkflowHandle<String> start(String workflowId, String name) {
      return baton().start(PARENT, workflowId, name);
    }
  }

  static final class ParentImpl implements Parent {
    @Override
    public String run(String name) {
      List<String> parts = new ArrayList<>();
      parts.add(GreetingStub.create().hello(name));
      parts.add(GreetingStub.create().async().hello(name).get());
      parts.add(GreetingStub.local().hello(name));

      ChildStub child = new ChildStub(ChildWorkflowOptions.none());
      try {
        child.poke("too early");
      } catch (IllegalStateException e) {
        parts.add("not started");
      }
      Promise<String> greeting = child.greetAsync(name);
      child.poke("poked");
      parts.add(greeting.get());
      parts.add(child.childWorkflowId());
      try {
        child.greet("again");
      } catch (IllegalStateException e) {
        parts.add("started once");
      }
      parts.add(
          new ChildStub(ChildWorkflowOptions.newBuilder().workflowId("named-child").build())
              .greet("Bo"));
      return String.join(", ", parts);
    }
  }

  static final class ChildImpl implements Child {
    private String poked;

    @Override
    public String greet(String name) {
      if (!name.equals("Bo")) {
        Workflows.await(() -> poked != null);
      }
      return "child greets " + name + (poked == null ? "" : " " + poked);
    }

    @Override
    public void poke(String value) {
      poked = value;
    }
  }

  static final class ParentDispatcher extends AbstractWorkflowDispatcher<Parent> {
    ParentDispatcher() {
      super(PARENT, Parent.class, new SignalType[0], new QueryType<?>[0]);
    }

    @Override
    public Object execute(Parent workflow, Object[] arguments) {
      return workflow.run((String) arguments[0]);
    }
  }

  static final class ChildDispatcher extends AbstractWorkflowDispatcher<Child> {
    ChildDispatcher() {
      super(CHILD, Child.class, new SignalType[] {POKE}, new QueryType<?>[0]);
    }

    @Override
    public Object execute(Child workflow, Object[] arguments) {
      return workflow.greet((String) arguments[0]);
    }

    @Override
    public void signal(Child workflow, String signalName, Object[] arguments) {
      workflow.poke((String) arguments[0]);
    }
  }

  static final class GreetingDispatcher extends AbstractActivityDispatcher<Greeting> {
    GreetingDispatcher() {
      super(Greeting.class, HELLO);
    }

    @Override
    public Object execute(Greeting activities, String activityType, Object[] arguments) {
      return activities.hello((String) arguments[0]);
    }
  }

  @Test
  void workflowRunsThroughHandWrittenStubsAndClient(@TempDir Path folder) {
    try (Baton baton = Baton.embedded(folder)) {
      baton
          .newWorker("stubs")
          .registerWorkflow(new ParentDispatcher(), ParentImpl::new)
          .registerWorkflow(new ChildDispatcher(), ChildImpl::new)
          .registerActivities(new GreetingDispatcher(), name -> "hello " + name)
          .start();
      ParentClient client = new ParentClient(baton);

      client.start("parent-1", "Ada");
      String result = client.result("parent-1", Duration.ofSeconds(30));

      assertThat(result)
          .matches(
              "hello Ada, hello Ada, hello Ada, not started, child greets Ada poked,"
                  + " parent-1/[0-9a-f-]{36}, started once, child greets Bo");
      assertThat(client.handle("parent-1").status()).isEqualTo(WorkflowStatus.COMPLETED);
      assertThat(new GreetingDispatcher().activityTypes()).containsExactly(HELLO);
      assertThat(new ChildDispatcher().signalTypes()).containsExactly(POKE);
      assertThat(new ChildDispatcher().queryTypes()).isEmpty();
    }
  }
}
