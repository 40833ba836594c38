package dev.baton.it;

import dev.baton.ApplicationFailure;
import dev.baton.ChildWorkflowFailure;
import dev.baton.ChildWorkflowOptions;
import dev.baton.ParentClosePolicy;
import dev.baton.Promise;
import dev.baton.TypeRef;
import dev.baton.Workflow;
import dev.baton.WorkflowMethod;
import dev.baton.WorkflowType;
import dev.baton.Workflows;
import dev.baton.it.greeter.Greeter;
import dev.baton.it.greeter.GreeterChildStub;
import dev.baton.it.greeter.GreeterClient;
import java.util.ArrayList;
import java.util.List;

/** A parent workflow that runs {@link Greeter} children in the ways its scenario names. */
@Workflow(taskQueue = "parents")
public interface Family {
  /** Runs {@code scenario} with {@code argument}; returns what the children returned. */
  @WorkflowMethod
  String run(String scenario, String argument);

  /** The implementation. */
  class Impl implements Family {
    @Override
    public String run(String scenario, String argument) {
      return switch (scenario) {
        case "one" -> GreeterChildStub.create().greet(argument);
        case "waiting" -> GreeterChildStub.create().greet("wait:1");
        case "retried-child" ->
            RetriedChildStub.create(
                    ChildWorkflowOptions.newBuilder()
                        .retry(
                            dev.baton.RetryOptions.newBuilder()
                                .initialInterval(java.time.Duration.ofMillis(100))
                                .maximumAttempts(3)
                                .build())
                        .build())
                .run(Integer.parseInt(argument), "Flaky");
        case "failing" -> {
          try {
            yield GreeterChildStub.create().greet("fail");
          } catch (ChildWorkflowFailure e) {
            yield "caught " + e.getCause().type() + ": " + e.getCause().originalMessage();
          }
        }
        case "parallel" -> {
          List<Promise<String>> greetings = new ArrayList<>();
          for (String name : argument.split(",")) {
            greetings.add(GreeterChildStub.create().async().greet(name));
          }
          List<String> out = new ArrayList<>();
          greetings.forEach(p -> out.add(p.get()));
          yield String.join("; ", out);
        }
        case "signal" -> {
          GreeterChildStub child = GreeterChildStub.create();
          Promise<String> greeting = child.async().greet("wait:2");
          child.poke("one");
          child.poke("two");
          yield greeting.get();
        }
        case "duplicate" -> {
          ChildWorkflowOptions same =
              ChildWorkflowOptions.newBuilder().workflowId(argument).build();
          GreeterChildStub first = GreeterChildStub.create(same);
          Promise<String> waiting = first.async().greet("wait:1");
          String second;
          try {
            second = GreeterChildStub.create(same).greet("again");
          } catch (ChildWorkflowFailure e) {
            second = e.getCause().type();
          }
          first.poke("done");
          yield second + " / " + waiting.get();
        }
        case "unknown-type" -> {
          try {
            yield Workflows.executeChildWorkflow(
                WorkflowType.of("NoSuchWorkflow", "greeters", TypeRef.of(String.class)),
                ChildWorkflowOptions.none());
          } catch (ChildWorkflowFailure e) {
            yield e.getCause().type() + ": " + e.getCause().originalMessage();
          }
        }
        case "signal-unknown-run" -> {
          try {
            Workflows.signalExternalWorkflow(argument, GreeterClient.POKE, "hello?").get();
            yield "delivered";
          } catch (ApplicationFailure e) {
            yield e.type();
          }
        }
        case "cancel-other" -> {
          try {
            Workflows.requestCancelExternalWorkflow(argument).get();
            yield "cancel requested";
          } catch (ApplicationFailure e) {
            yield e.type();
          }
        }
        case "leave-terminate", "leave-abandon", "leave-request-cancel" -> {
          GreeterChildStub child =
              GreeterChildStub.create(
                  ChildWorkflowOptions.newBuilder()
                      .workflowId(argument)
                      .parentClosePolicy(
                          switch (scenario) {
                            case "leave-terminate" -> ParentClosePolicy.TERMINATE;
                            case "leave-abandon" -> ParentClosePolicy.ABANDON;
                            default -> ParentClosePolicy.REQUEST_CANCEL;
                          })
                      .build());
          child.async().greet("wait:2");
          child.poke("from the parent"); // delivered: the child runs
          yield "left " + child.childWorkflowId();
        }
        default -> throw new IllegalArgumentException("no scenario " + scenario);
      };
    }
  }
}
