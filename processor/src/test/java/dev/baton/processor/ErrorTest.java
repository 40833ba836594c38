package dev.baton.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.baton.processor.Examples.compile;
import static dev.baton.processor.Examples.source;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each wrong shape is one compile error, with its id, on the line at fault. */
class ErrorTest {
  static final String IMPORTS =
      """
      package test;

      import dev.baton.*;
      import java.util.List;

      """;

  /** Compiles {@code test.Bad} and expects exactly one error, {@code message}, on the line. */
  static void assertError(Message message, String line, String code) {
    JavaFileObject file = source("test.Bad", IMPORTS + code);
    Compilation compilation = compile(file);
    assertThat(compilation)
        .hadErrorContainingMatch(message.pattern())
        .inFile(file)
        .onLineContaining(line);
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void workflowWithoutWorkflowMethod() {
    assertError(
        Message.NO_WORKFLOW_METHOD,
        "@Workflow",
        """
        @Workflow
        public interface Bad {
          void run();
        }
        """);
  }

  @Test
  void workflowWithTwoWorkflowMethods() {
    assertError(
        Message.EXTRA_WORKFLOW_METHOD,
        "void second",
        """
        @Workflow
        public interface Bad {
          @WorkflowMethod
          void first();

          @WorkflowMethod
          void second();
        }
        """);
  }

  @Test
  void staticWorkflowMethod() {
    assertError(
        Message.STATIC_WORKFLOW_METHOD,
        "static void run",
        """
        @Workflow
        public class Bad {
          @WorkflowMethod
          public static void run() {}
        }
        """);
  }

  @Test
  void workflowOnEnum() {
    assertError(
        Message.WORKFLOW_WRONG_KIND,
        "@Workflow(name",
        """
        @Workflow(name = "Enum")
        public enum Bad {
          ONE;

          @WorkflowMethod
          public void run() {}
        }
        """);
  }

  @Test
  void signalReturningValue() {
    assertError(
        Message.SIGNAL_NOT_VOID,
        "String approve",
        """
        @Workflow
        public interface Bad {
          @WorkflowMethod
          void run();

          @Signal
          String approve(String by);
        }
        """);
  }

  @Test
  void voidQuery() {
    assertError(
        Message.QUERY_RETURNS_VOID,
        "void status",
        """
        @Workflow
        public interface Bad {
          @WorkflowMethod
          void run();

          @Query
          void status();
        }
        """);
  }

  @Test
  void methodWithTwoRoles() {
    assertError(
        Message.CONFLICTING_METHOD_ANNOTATIONS,
        "@Query",
        """
        @Workflow
        public interface Bad {
          @WorkflowMethod
          void run();

          @Signal
          @Query
          String approve();
        }
        """);
  }

  @Test
  void twoSignalsWithOneName() {
    assertError(
        Message.DUPLICATE_SIGNAL_OR_QUERY_NAME,
        "void second",
        """
        @Workflow
        public interface Bad {
          @WorkflowMethod
          void run();

          @Signal(name = "go")
          void first();

          @Signal(name = "go")
          void second();
        }
        """);
  }

  @Test
  void twoQueriesWithOneName() {
    assertError(
        Message.DUPLICATE_SIGNAL_OR_QUERY_NAME,
        "String second",
        """
        @Workflow
        public interface Bad {
          @WorkflowMethod
          void run();

          @Query
          String first();

          @Query(name = "first")
          String second();
        }
        """);
  }

  @Test
  void signalAndQueryWithOneName() {
    assertError(
        Message.DUPLICATE_SIGNAL_OR_QUERY_NAME,
        "String current",
        """
        @Workflow
        public interface Bad {
          @WorkflowMethod
          void run();

          @Signal
          void status(String value);

          @Query(name = "status")
          String current();
        }
        """);
  }

  @Test
  void overloadedSignal() {
    assertError(
        Message.OVERLOADED_SIGNAL_OR_QUERY,
        "void approve(List",
        """
        @Workflow
        public interface Bad {
          @WorkflowMethod
          void run();

          @Signal
          void approve(String by);

          @Signal(name = "approveAll")
          void approve(List<String> by);
        }
        """);
  }

  @Test
  void signalAndQueryConstantClash() {
    assertError(
        Message.SIGNAL_OR_QUERY_CONSTANT_CLASH,
        "String do_step",
        """
        @Workflow
        public interface Bad {
          @WorkflowMethod
          void run();

          @Signal
          void doStep();

          @Query
          String do_step();
        }
        """);
  }

  @Test
  void signalNamedLikeClientMethod() {
    assertError(
        Message.RESERVED_CLIENT_MEMBER,
        "void start",
        """
        @Workflow
        public interface Bad {
          @WorkflowMethod
          void run();

          @Signal(name = "begin")
          void start(String reason);
        }
        """);
  }

  @Test
  void queryNamedLikeTypeConstant() {
    assertError(
        Message.RESERVED_CLIENT_MEMBER,
        "String type",
        """
        @Workflow
        public interface Bad {
          @WorkflowMethod
          void run();

          @Query
          String type();
        }
        """);
  }

  @Test
  void queryNamedLikeSignalWithStart() {
    assertError(
        Message.RESERVED_CLIENT_MEMBER,
        "String startWithApprove",
        """
        @Workflow
        public interface Bad {
          @WorkflowMethod
          void run();

          @Signal
          void approve();

          @Query
          String startWithApprove();
        }
        """);
  }

  @Test
  void staticSignal() {
    assertError(
        Message.STATIC_METHOD,
        "static void approve",
        """
        @Workflow
        public class Bad {
          @WorkflowMethod
          public void run() {}

          @Signal
          public static void approve() {}
        }
        """);
  }

  @Test
  void genericQuery() {
    assertError(
        Message.GENERIC_METHOD,
        "<T> List<T> status",
        """
        @Workflow
        public interface Bad {
          @WorkflowMethod
          void run();

          @Query
          <T> List<T> status();
        }
        """);
  }

  @Test
  void blankSignalName() {
    assertError(
        Message.BLANK_NAME,
        "name = \" \"",
        """
        @Workflow
        public interface Bad {
          @WorkflowMethod
          void run();

          @Signal(
              name = " ")
          void approve();
        }
        """);
  }

  @Test
  void activityOnClass() {
    assertError(
        Message.ACTIVITY_NOT_INTERFACE,
        "@Activity",
        """
        @Activity
        public class Bad {
          public void step() {}
        }
        """);
  }

  @Test
  void activityMethodWithBody() {
    assertError(
        Message.ACTIVITY_METHOD_NOT_ABSTRACT,
        "default void step",
        """
        @Activity
        public interface Bad {
          @ActivityMethod
          default void step() {}
        }
        """);
  }

  @Test
  void duplicateActivityName() {
    assertError(
        Message.DUPLICATE_ACTIVITY_NAME,
        "void second",
        """
        @Activity
        public interface Bad {
          @ActivityMethod(name = "step")
          void first();

          @ActivityMethod(name = "step")
          void second();
        }
        """);
  }

  @Test
  void activityConstantClash() {
    assertError(
        Message.ACTIVITY_CONSTANT_CLASH,
        "void do_step",
        """
        @Activity
        public interface Bad {
          void doStep();

          void do_step();
        }
        """);
  }

  @Test
  void activityNamedLikeStubMethod() {
    assertError(
        Message.RESERVED_ACTIVITY_METHOD,
        "void async",
        """
        @Activity
        public interface Bad {
          void async();
        }
        """);
  }

  @Test
  void durationThatDoesNotParse() {
    assertError(
        Message.INVALID_DURATION,
        "2 minutes",
        """
        @Activity
        public interface Bad {
          @ActivityMethod(
              heartbeat = "PT10S",
              startToClose = "2 minutes")
          void step();
        }
        """);
  }

  @Test
  void zeroDuration() {
    assertError(
        Message.NON_POSITIVE_DURATION,
        "PT0S",
        """
        @Activity
        public interface Bad {
          @ActivityMethod(
              startToClose = "PT1M",
              scheduleToStart = "PT0S")
          void step();
        }
        """);
  }

  @Test
  void negativeRetryDuration() {
    assertError(
        Message.NON_POSITIVE_DURATION,
        "-PT1S",
        """
        @Activity
        public interface Bad {
          @ActivityMethod(
              retry = @Retry(
                  maximumAttempts = 3,
                  initialInterval = "-PT1S"))
          void step();
        }
        """);
  }

  @Test
  void retryOutOfRange() {
    assertError(
        Message.INVALID_RETRY,
        "backoffCoefficient = 0.5",
        """
        @Activity
        public interface Bad {
          @ActivityMethod(
              retry = @Retry(
                  maximumAttempts = 3,
                  backoffCoefficient = 0.5))
          void step();
        }
        """);
  }

  @Test
  void packagePrivateWorkflow() {
    assertError(
        Message.TYPE_NOT_PUBLIC,
        "interface Bad",
        """
        @Workflow
        interface Bad {
          @WorkflowMethod
          void run();
        }
        """);
  }

  @Test
  void activityNestedInPackagePrivateClass() {
    assertError(
        Message.TYPE_NOT_PUBLIC,
        "interface Steps",
        """
        class Bad {
          @Activity
          public interface Steps {
            void step();
          }
        }
        """);
  }

  @Test
  void innerClassWorkflow() {
    assertError(
        Message.TYPE_NOT_STATIC,
        "class Inner",
        """
        public class Bad {
          @Workflow
          public class Inner {
            @WorkflowMethod
            public void run() {}
          }
        }
        """);
  }

  @Test
  void genericWorkflowType() {
    assertError(
        Message.GENERIC_TYPE,
        "interface Bad",
        """
        @Workflow
        public interface Bad<T> {
          @WorkflowMethod
          T run(T input);
        }
        """);
  }

  @Test
  void privateWorkflowMethod() {
    assertError(
        Message.METHOD_NOT_PUBLIC,
        "void run",
        """
        @Workflow
        public class Bad {
          @WorkflowMethod
          private void run() {}
        }
        """);
  }

  @Test
  void packagePrivateSignal() {
    assertError(
        Message.METHOD_NOT_PUBLIC,
        "void approve",
        """
        @Workflow
        public class Bad {
          @WorkflowMethod
          public void run() {}

          @Signal
          void approve() {}
        }
        """);
  }

  @Test
  void protectedQuery() {
    assertError(
        Message.METHOD_NOT_PUBLIC,
        "String status",
        """
        @Workflow
        public class Bad {
          @WorkflowMethod
          public void run() {}

          @Query
          protected String status() {
            return "";
          }
        }
        """);
  }

  @Test
  void privateActivityMethod() {
    assertError(
        Message.METHOD_NOT_PUBLIC,
        "void helper",
        """
        @Activity
        public interface Bad {
          void step();

          @ActivityMethod
          private void helper() {}
        }
        """);
  }

  @Test
  void genericWorkflowMethod() {
    assertError(
        Message.GENERIC_METHOD,
        "<T> List<T> run",
        """
        @Workflow
        public interface Bad {
          @WorkflowMethod
          <T> List<T> run(T input);
        }
        """);
  }

  @Test
  void blankTaskQueue() {
    assertError(
        Message.BLANK_NAME,
        "taskQueue = \" \"",
        """
        @Workflow(
            name = "Fine",
            taskQueue = " ")
        public interface Bad {
          @WorkflowMethod
          void run();
        }
        """);
  }

  @Test
  void unresolvedType() {
    JavaFileObject file =
        source(
            "test.Bad",
            IMPORTS
                + """
                @Workflow
                public interface Bad {
                  @WorkflowMethod
                  void run(Missing input);
                }
                """);
    Compilation compilation = compile(file);
    assertThat(compilation)
        .hadErrorContainingMatch(Message.UNRESOLVED_TYPE.pattern())
        .inFile(file)
        .onLineContaining("interface Bad");
    assertThat(compilation).hadErrorContaining("cannot find symbol");
  }

  @Test
  void errorsInOneTypeDoNotStopOthers(@TempDir Path out) throws IOException {
    JavaFileObject bad =
        source(
            "test.Bad",
            IMPORTS
                + """
                @Workflow
                public interface Bad {}
                """);
    JavaFileObject good =
        source(
            "test.Good",
            IMPORTS
                + """
                @Workflow
                public interface Good {
                  @WorkflowMethod
                  void run();
                }
                """);
    // javac, not compile-testing, which hides generated files when compilation fails
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, null)) {
      files.setLocationFromPaths(StandardLocation.SOURCE_OUTPUT, List.of(out));
      files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(out));
      JavaCompiler.CompilationTask task =
          javac.getTask(null, files, diagnostics, null, null, List.of(bad, good));
      task.setProcessors(List.of(new BatonProcessor()));
      assertThat(task.call()).isFalse();
    }
    assertThat(diagnostics.getDiagnostics())
        .singleElement()
        .satisfies(d -> assertThat(d.getMessage(null)).contains(Message.NO_WORKFLOW_METHOD.id()));
    assertThat(out.resolve("test/GoodClient.java")).exists();
    assertThat(out.resolve("test/GoodChildStub.java")).exists();
  }
}
