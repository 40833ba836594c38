package dev.baton.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.ActivityCompletionClient;
import dev.baton.ActivityDispatcher;
import dev.baton.ActivityOptions;
import dev.baton.ActivityType;
import dev.baton.ApplicationFailure;
import dev.baton.Baton;
import dev.baton.BatonOptions;
import dev.baton.ChildWorkflowOptions;
import dev.baton.LocalActivityOptions;
import dev.baton.ParentClosePolicy;
import dev.baton.QueryType;
import dev.baton.RetryOptions;
import dev.baton.SignalType;
import dev.baton.TimeSource;
import dev.baton.TypeRef;
import dev.baton.Worker;
import dev.baton.WorkerOptions;
import dev.baton.WorkflowDispatcher;
import dev.baton.WorkflowHandle;
import dev.baton.WorkflowOptions;
import dev.baton.WorkflowType;
import dev.baton.Workflows;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every public method, called with {@code null} for each parameter not marked {@code @Nullable} and
 * with a negative value for each duration, throws a clear exception at once (one that names what is
 * wrong, not a {@code NullPointerException} from deep inside) and changes nothing stored.
 */
class PublicApiSweepTest {
  @TempDir Path folder;

  /**
   * The objects whose public methods are called (a fresh one per call), or the class whose static
   * ones are ({@code instance} null).
   */
  private record Target(String name, Class<?> type, @Nullable Supplier<?> instance) {
    Target(String name, Class<?> type) {
      this(name, type, null);
    }
  }

  private List<Target> targets(Baton baton) {
    return List.of(
        new Target("Baton", Baton.class, () -> baton),
        new Target("Baton (static)", Baton.class),
        new Target("Worker", Worker.class, () -> baton.newWorker("sweep")),
        new Target(
            "WorkflowHandle", WorkflowHandle.class, () -> InboxClient.of(baton).handle("present")),
        new Target(
            "ActivityCompletionClient", ActivityCompletionClient.class, baton::activityCompletion),
        new Target("InboxClient (generated)", InboxClient.class, () -> InboxClient.of(baton)),
        new Target("InboxClient (static)", InboxClient.class),
        new Target("Workflows", Workflows.class),
        new Target(
            "ActivityOptions.Builder", ActivityOptions.Builder.class, ActivityOptions::newBuilder),
        new Target("ActivityOptions", ActivityOptions.class, ActivityOptions::none),
        new Target(
            "LocalActivityOptions.Builder",
            LocalActivityOptions.Builder.class,
            LocalActivityOptions::newBuilder),
        new Target("RetryOptions.Builder", RetryOptions.Builder.class, RetryOptions::newBuilder),
        new Target(
            "ChildWorkflowOptions.Builder",
            ChildWorkflowOptions.Builder.class,
            ChildWorkflowOptions::newBuilder),
        new Target("WorkerOptions.Builder", WorkerOptions.Builder.class, WorkerOptions::newBuilder),
        new Target("WorkflowOptions (static)", WorkflowOptions.class),
        new Target(
            "WorkflowOptions.Builder",
            WorkflowOptions.Builder.class,
            () -> WorkflowOptions.newBuilder("w")),
        new Target("BatonOptions.Builder", BatonOptions.Builder.class, BatonOptions::newBuilder),
        new Target("TimeSource (static)", TimeSource.class),
        new Target("WorkflowType", WorkflowType.class),
        new Target("SignalType", SignalType.class),
        new Target("QueryType", QueryType.class),
        new Target("ActivityType", ActivityType.class),
        new Target("TypeRef", TypeRef.class),
        new Target("ApplicationFailure", ApplicationFailure.class));
  }

  /**
   * A valid value for parameter {@code index} of {@code method}, so that only the parameter under
   * test is bad.
   */
  private Object valid(Method method, int index) {
    Class<?> type = method.getParameterTypes()[index];
    if (type == Object[].class) {
      // Payload arguments: those of the Inbox workflow (a long), its ADD signal (a string), its
      // COUNT query (none), or the Echo activity (an int).
      return switch (method.getName()) {
        case "start" -> new Object[] {0L};
        case "signalWithStart" -> index == 2 ? new Object[] {0L} : new Object[] {"message"};
        case "signal" -> new Object[] {"message"};
        case "query" -> new Object[0];
        default -> new Object[] {1};
      };
    } else if (type == String.class) {
      return "present";
    } else if (type == Duration.class) {
      return Duration.ofSeconds(1);
    } else if (type == Path.class) {
      return folder.resolve("never-created");
    } else if (type == DataSource.class) {
      return Proxy.newProxyInstance(
          getClass().getClassLoader(),
          new Class<?>[] {DataSource.class},
          (proxy, called, args) -> {
            throw new AssertionError("the data source was used");
          });
    } else if (type == BatonOptions.class) {
      return BatonOptions.getDefault();
    } else if (type == WorkerOptions.class) {
      return WorkerOptions.getDefault();
    } else if (type == WorkflowOptions.class) {
      return WorkflowOptions.of("never-started");
    } else if (type == ActivityOptions.class) {
      return ActivityOptions.none();
    } else if (type == ChildWorkflowOptions.class) {
      return ChildWorkflowOptions.none();
    } else if (type == ParentClosePolicy.class) {
      return ParentClosePolicy.ABANDON;
    } else if (type == LocalActivityOptions.class) {
      return LocalActivityOptions.none();
    } else if (type == RetryOptions.class) {
      return RetryOptions.getDefault();
    } else if (type == WorkflowType.class) {
      return InboxClient.TYPE;
    } else if (type == SignalType.class) {
      return InboxClient.ADD;
    } else if (type == QueryType.class) {
      return InboxClient.COUNT;
    } else if (type == ActivityType.class) {
      return Durable_EchoStub.ECHO;
    } else if (type == TypeRef.class) {
      return TypeRef.of(String.class);
    } else if (type == TypeRef[].class) {
      return new TypeRef<?>[0];
    } else if (type == Class.class) {
      return Inbox.Impl.class;
    } else if (type == WorkflowDispatcher.class) {
      return new InboxClient.Dispatcher();
    } else if (type == ActivityDispatcher.class) {
      return new Durable_EchoStub.Dispatcher();
    } else if (type == Supplier.class) {
      return (Supplier<Object>) Inbox.Impl::new;
    } else if (type == Runnable.class) {
      return (Runnable) () -> {};
    } else if (type == BooleanSupplier.class) {
      return (BooleanSupplier) () -> true;
    } else if (type == TimeSource.class) {
      return TimeSource.database();
    } else if (type == Throwable.class) {
      return new IllegalStateException("x");
    } else if (type == String[].class) {
      return new String[0];
    } else if (type == List.class) {
      return List.of();
    } else if (type == java.time.Instant.class) {
      return java.time.Instant.EPOCH;
    } else if (type == int.class) {
      return 1;
    } else if (type == long.class) {
      return 1L;
    } else if (type == double.class) {
      return 1.0;
    } else if (type == boolean.class) {
      return true;
    } else if (type == Object.class) {
      return "x";
    }
    throw new AssertionError("No valid value for " + type + ": add one to the sweep");
  }

  private static boolean nullable(Parameter parameter) {
    return parameter.getAnnotatedType().isAnnotationPresent(Nullable.class);
  }

  /**
   * Whether the parameter is a workflow's own argument in a generated client, where {@code null} is
   * a value like any other.
   */
  private static boolean isPayload(Target target, Method method, int index) {
    return target.type() == InboxClient.class
        && (method.getName().equals("add") || method.getName().equals("startWithAdd"))
        && index == method.getParameterCount() - 1;
  }

  private static List<Method> methodsOf(Target target) {
    List<Method> methods = new ArrayList<>();
    for (Method method : target.type().getMethods()) {
      boolean isStatic = Modifier.isStatic(method.getModifiers());
      if (method.getDeclaringClass() == Object.class
          || isStatic != (target.instance() == null)
          || method.getName().equals("equals")
          || method.isSynthetic()) {
        continue;
      }
      methods.add(method);
    }
    methods.sort((a, b) -> a.toString().compareTo(b.toString()));
    return methods;
  }

  /**
   * Calls {@code method} with {@code bad} at {@code index}; returns what was wrong with the
   * outcome, or {@code null} when it threw a clear exception of one of {@code expected}.
   */
  private @Nullable String check(
      Target target, Method method, int index, @Nullable Object bad, Class<?>... expected) {
    Object[] arguments = new Object[method.getParameterCount()];
    Class<?>[] types = method.getParameterTypes();
    for (int i = 0; i < arguments.length; i++) {
      arguments[i] = i == index ? bad : valid(method, i);
    }
    String call = target.name() + "." + method.getName() + Arrays.toString(types) + " #" + index;
    try {
      method.invoke(target.instance() == null ? null : target.instance().get(), arguments);
      return call + " accepted " + bad;
    } catch (InvocationTargetException e) {
      Throwable thrown = e.getCause();
      String message = String.valueOf(thrown.getMessage());
      if (Arrays.stream(expected).noneMatch(type -> type.isInstance(thrown))) {
        return call + " threw " + thrown;
      }
      if (message.contains("because \"") || message.equals("null")) {
        return call + " threw an accidental " + thrown;
      }
      return null;
    } catch (IllegalAccessException e) {
      throw new AssertionError(e);
    }
  }

  @AllDatabases
  void everyPublicMethodRefusesNullAndNegativeDurationsClearly(DatabaseKind kind) throws Exception {
    try (TestDatabase db = kind.create(folder);
        Baton baton = db.open()) {
      baton.newWorker("inbox").registerWorkflow(Inbox.Impl.class).start();
      InboxClient.of(baton).start("present", 0L);
      SignalTest.waitForEvent(baton, "present", "WorkflowTaskCompleted");
      Map<String, Long> before = db.tableCounts();

      List<String> problems = new ArrayList<>();
      int calls = 0;
      for (Target target : targets(baton)) {
        for (Method method : methodsOf(target)) {
          Parameter[] parameters = method.getParameters();
          for (int i = 0; i < parameters.length; i++) {
            Class<?> type = parameters[i].getType();
            if (!type.isPrimitive() && !nullable(parameters[i]) && !isPayload(target, method, i)) {
              calls++;
              String problem =
                  check(
                      target,
                      method,
                      i,
                      null,
                      NullPointerException.class,
                      IllegalArgumentException.class);
              if (problem != null) {
                problems.add(problem);
              }
            }
            if (type == Duration.class) {
              calls++;
              String problem =
                  check(target, method, i, Duration.ofSeconds(-1), IllegalArgumentException.class);
              if (problem != null) {
                problems.add(problem);
              }
            }
          }
        }
      }

      System.out.println(kind + ": " + calls + " bad calls of the public API checked");
      assertThat(problems).isEmpty();
      assertThat(calls).isGreaterThan(100);
      assertThat(db.tableCounts()).isEqualTo(before);
      assertThat(Files.exists(folder.resolve("never-created"))).isFalse();
    }
  }
}
