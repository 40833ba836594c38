package dev.baton.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.baton.processor.ErrorTest.IMPORTS;
import static dev.baton.processor.ErrorTest.assertError;
import static dev.baton.processor.Examples.compile;
import static dev.baton.processor.Examples.source;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Payload types Jackson cannot read back, activity timeouts that cannot work, and type names two
 * types of one build share: each one compile error (or warning) with its id, on the line at fault.
 */
class ContractErrorTest {
  @Test
  void objectParameter() {
    assertError(
        Message.PAYLOAD_OBJECT,
        "Object payload",
        """
        @Workflow
        public interface Bad {
          @WorkflowMethod
          void run(String id, Object payload);
        }
        """);
  }

  @Test
  void functionalInterfaceParameter() {
    assertError(
        Message.PAYLOAD_FUNCTION,
        "Runnable callback",
        """
        @Activity
        public interface Bad {
          @ActivityMethod(startToClose = "PT1M")
          void notify(String to, Runnable callback);
        }
        """);
  }

  @Test
  void functionInATypeArgument() {
    assertError(
        Message.PAYLOAD_FUNCTION,
        "List<java.util.function.Supplier<String>> steps",
        """
        @Workflow
        public interface Bad {
          @WorkflowMethod
          void run(List<java.util.function.Supplier<String>> steps);
        }
        """);
  }

  @Test
  void streamResult() {
    assertError(
        Message.PAYLOAD_STREAM,
        "java.util.stream.Stream<String> lines",
        """
        @Activity
        public interface Bad {
          @ActivityMethod(startToClose = "PT1M")
          java.util.stream.Stream<String> lines(String file);
        }
        """);
  }

  @Test
  void inputStreamSignalArgument() {
    assertError(
        Message.PAYLOAD_STREAM,
        "java.io.InputStream document",
        """
        @Workflow
        public interface Bad {
          @WorkflowMethod
          void run();

          @Signal
          void upload(java.io.InputStream document);
        }
        """);
  }

  @Test
  void promiseResultOfAnActivity() {
    assertError(
        Message.PAYLOAD_PROMISE,
        "Promise<String> charge",
        """
        @Activity
        public interface Bad {
          @ActivityMethod(startToClose = "PT1M")
          Promise<String> charge(String card);
        }
        """);
  }

  @Test
  void promiseParameterOfAWorkflow() {
    assertError(
        Message.PAYLOAD_PROMISE,
        "Promise<Integer> amount",
        """
        @Workflow
        public interface Bad {
          @WorkflowMethod
          void run(Promise<Integer> amount);
        }
        """);
  }

  @Test
  void classWithOnlyPrivateConstructors() {
    assertError(
        Message.PAYLOAD_NOT_CREATABLE,
        "Money total()",
        """
        @Workflow
        public interface Bad {
          @WorkflowMethod
          void run();

          @Query
          Money total();

          /** A value with a factory Jackson does not know about. */
          final class Money {
            public final long cents;

            private Money(long cents) {
              this.cents = cents;
            }

            public static Money of(long cents) {
              return new Money(cents);
            }
          }
        }
        """);
  }

  @Test
  void interfaceWithoutTypeInformation() {
    assertError(
        Message.PAYLOAD_NOT_CREATABLE,
        "Shape shape",
        """
        @Activity
        public interface Bad {
          @ActivityMethod(startToClose = "PT1M")
          double area(Shape shape);

          /** Which class to create is not recorded. */
          interface Shape {
            double size();
          }
        }
        """);
  }

  @Test
  void abstractClassWithoutTypeInformation() {
    assertError(
        Message.PAYLOAD_NOT_CREATABLE,
        "Event event",
        """
        @Workflow
        public interface Bad {
          @WorkflowMethod
          void run(Event event);

          /** Which subclass to create is not recorded. */
          abstract class Event {
            public String id;
          }
        }
        """);
  }

  @Test
  void valuesJacksonReadsBackCompileClean() {
    JavaFileObject file =
        source(
            "test.Good",
            IMPORTS
                + """
                import java.time.Instant;
                import java.util.Map;
                import java.util.Optional;

                @Workflow
                public interface Good {
                  @WorkflowMethod
                  Map<String, List<Line>> run(
                      Order order,
                      Level level,
                      Bean bean,
                      Optional<Instant> due,
                      List<Map<String, Object>> extra,
                      int[] counts,
                      byte[] attachment,
                      Long maybe);

                  /** A record. */
                  record Order(String id, List<Line> lines) {}

                  /** A record in a collection. */
                  record Line(String sku, int quantity) {}

                  /** An enum. */
                  enum Level {
                    LOW,
                    HIGH
                  }

                  /** A bean with a constructor that takes its fields. */
                  final class Bean {
                    public final String name;

                    public Bean(String name) {
                      this.name = name;
                    }
                  }
                }
                """);
    assertThat(compile(file)).succeededWithoutWarnings();
  }

  @Test
  void heartbeatNotShorterThanStartToClose() {
    assertError(
        Message.HEARTBEAT_NOT_SHORTER,
        "heartbeat = \"PT1M\"",
        """
        @Activity
        public interface Bad {
          @ActivityMethod(
              startToClose = "PT30S",
              heartbeat = "PT1M")
          void step();
        }
        """);
  }

  @Test
  void heartbeatNotShorterThanScheduleToCloseWhenThatIsTheOnlyBound() {
    assertError(
        Message.HEARTBEAT_NOT_SHORTER,
        "heartbeat = \"PT5M\"",
        """
        @Activity
        public interface Bad {
          @ActivityMethod(
              scheduleToClose = "PT5M",
              heartbeat = "PT5M")
          void step();
        }
        """);
  }

  @Test
  void overloadedActivity() {
    assertError(
        Message.OVERLOADED_ACTIVITY,
        "void charge(String card, long cents)",
        """
        @Activity
        public interface Bad {
          @ActivityMethod(startToClose = "PT1M")
          void charge(String card);

          @ActivityMethod(name = "charge-amount", startToClose = "PT1M")
          void charge(String card, long cents);
        }
        """);
  }

  @Test
  void activityWithoutTimeoutsIsAWarning() {
    JavaFileObject file =
        source(
            "test.Loose",
            IMPORTS
                + """
                @Activity
                public interface Loose {
                  @ActivityMethod(retry = @Retry(maximumAttempts = 3))
                  void step();

                  @ActivityMethod(scheduleToClose = "PT1H")
                  void bounded();

                  void plain(String input);
                }
                """);
    Compilation compilation = Compiler.javac().withProcessors(new BatonProcessor()).compile(file);
    assertThat(compilation).succeeded();
    assertThat(compilation)
        .hadWarningContainingMatch(Message.NO_ACTIVITY_TIMEOUT.pattern())
        .inFile(file)
        .onLineContaining("void step()");
    assertThat(compilation)
        .hadWarningContaining(Message.NO_ACTIVITY_TIMEOUT.id() + " Activity Loose.step")
        .inFile(file)
        .onLineContaining("void step()");
    assertThat(compilation)
        .hadWarningContaining(Message.NO_ACTIVITY_TIMEOUT.id() + " Activity Loose.plain")
        .inFile(file)
        .onLineContaining("void plain(String input)");
    assertThat(compilation).hadWarningContaining("5 minutes (the default)");
    assertThat(compilation).hadWarningCount(2);
    assertThat(compilation).generatedSourceFile("test.LooseStub");
  }

  @Test
  void suppressWarningsBatonSilencesTheTimeoutWarning() {
    JavaFileObject file =
        source(
            "test.Loose",
            IMPORTS
                + """
                @Activity
                @SuppressWarnings("baton") // five minutes per attempt is what we want
                public interface Loose {
                  void plain(String input);
                }
                """);
    assertThat(compile(file)).succeededWithoutWarnings();
  }

  @Test
  void twoWorkflowTypesWithOneName() {
    JavaFileObject first =
        source(
            "a.Orders",
            """
            package a;

            @dev.baton.Workflow
            public interface Orders {
              @dev.baton.WorkflowMethod
              void run();
            }
            """);
    JavaFileObject second =
        source(
            "b.Shop",
            """
            package b;

            @dev.baton.Workflow(name = "Orders")
            public interface Shop {
              @dev.baton.WorkflowMethod
              void run();
            }
            """);
    Compilation compilation = compile(first, second);
    assertThat(compilation)
        .hadErrorContainingMatch(Message.DUPLICATE_WORKFLOW_TYPE.pattern())
        .inFile(second)
        .onLineContaining("public interface Shop");
    assertThat(compilation).hadErrorContaining("@Workflow type b.Shop has the workflow type name");
    assertThat(compilation).hadErrorContaining("which a.Orders in this compilation already has");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void twoActivitiesOfDifferentInterfacesWithOneName() {
    JavaFileObject first =
        source(
            "a.Cards",
            """
            package a;

            @dev.baton.Activity
            public interface Cards {
              @dev.baton.ActivityMethod(name = "charge", startToClose = "PT1M")
              void charge(String card);
            }
            """);
    JavaFileObject second =
        source(
            "b.Wallets",
            """
            package b;

            @dev.baton.Activity
            public interface Wallets {
              @dev.baton.ActivityMethod(name = "charge", startToClose = "PT1M")
              void debit(String wallet);
            }
            """);
    Compilation compilation = compile(first, second);
    assertThat(compilation)
        .hadErrorContainingMatch(Message.DUPLICATE_ACTIVITY_TYPE.pattern())
        .inFile(second)
        .onLineContaining("void debit");
    assertThat(compilation)
        .hadErrorContaining(Message.DUPLICATE_ACTIVITY_TYPE.id() + " Activity Wallets.debit")
        .inFile(second)
        .onLineContaining("void debit");
    assertThat(compilation).hadErrorCount(1);
  }
}
