package dev.baton.internal.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.baton.ActivityOptions;
import dev.baton.WorkflowDispatcher;
import dev.baton.WorkflowType;
import dev.baton.Workflows;
import dev.baton.internal.history.Event;
import dev.baton.internal.history.StoredEvent;
import dev.baton.internal.json.PayloadConverter;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/** The workflow logger prints nothing while history replays, and prints live code as usual. */
class ReplaySafeLoggerTest {
  private static final List<String> LOGGED = new CopyOnWriteArrayList<>();

  private static final Logger RECORDING =
      (Logger)
          Proxy.newProxyInstance(
              Logger.class.getClassLoader(),
              new Class<?>[] {Logger.class},
              (proxy, method, args) -> {
                if (method.getName().equals("info")) {
                  LOGGED.add((String) args[0]);
                }
                return method.getReturnType() == boolean.class ? true : null;
              });

  @Test
  void logsOnlyWhatRunsLive() {
    Logger logger = ReplaySafeLogger.wrap(RECORDING);
    WorkflowDispatcher<IntFunction<String>> dispatcher =
        new WorkflowDispatcher<>() {
          @Override
          public WorkflowType<?> type() {
            return ReplayTest.TYPE;
          }

          @Override
          @SuppressWarnings("unchecked")
          public Class<IntFunction<String>> workflowClass() {
            return (Class<IntFunction<String>>) (Class<?>) IntFunction.class;
          }

          @Override
          public Object execute(IntFunction<String> workflow, Object[] arguments) {
            return workflow.apply((Integer) arguments[0]);
          }
        };
    IntFunction<String> chain =
        count -> {
          for (int i = 1; i <= count; i++) {
            logger.info("calling " + i);
            Workflows.executeActivity(ReplayTest.STEP, ActivityOptions.none(), i);
          }
          return "done";
        };
    WorkflowInstance instance =
        new WorkflowInstance(
            "run",
            "wf",
            "q",
            new WorkflowImplementation<>(dispatcher, () -> chain),
            new PayloadConverter(1 << 20),
            Duration.ofSeconds(10));
    List<StoredEvent> history = ReplayTest.history(5);
    history.set(
        0,
        new StoredEvent(
            1,
            0,
            new Event.WorkflowExecutionStarted(
                "Chain", "q", JsonNodeFactory.instance.arrayNode().add(6))));
    try {
      instance.processTask(history, 1_000);
    } finally {
      instance.destroy();
    }
    assertThat(LOGGED).containsExactly("calling 6");
    logger.info("outside workflow code");
    assertThat(LOGGED).containsExactly("calling 6", "outside workflow code");
  }
}
