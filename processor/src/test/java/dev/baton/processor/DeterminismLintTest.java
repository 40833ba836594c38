package dev.baton.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.baton.processor.Examples.compile;
import static dev.baton.processor.Examples.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each non-deterministic call in workflow code is one compile error, with its id, on the line that
 * makes it; code that only looks similar, and code that is not workflow code, compiles clean.
 */
class DeterminismLintTest {
  private static final String HEADER =
      """
      package test;

      import dev.baton.*;
      import java.io.*;
      import java.net.*;
      import java.nio.file.*;
      import java.sql.*;
      import java.time.*;
      import java.util.*;
      import java.util.concurrent.*;

      """;

  /** A workflow type and an implementation whose {@code run} method holds {@code body}. */
  private static JavaFileObject workflowRunning(String body) {
    return workflowImplementedBy(
        """
        @Override
        public String run(String input) throws Exception {
        %s
          return input;
        }
        """
            .formatted(body.indent(2)));
  }

  /** A workflow type and an implementation {@code Impl} whose members are {@code members}. */
  private static JavaFileObject workflowImplementedBy(String members) {
    return source(
        "test.Flow",
        HEADER
            + """
            @Workflow
            public interface Flow {
              @WorkflowMethod
              String run(String input) throws Exception;

              /** The implementation under test. */
              class Impl implements Flow {
            %s
              }
            }
            """
                .formatted(members.indent(4)));
  }

  private static void assertLintError(Message message, String line, JavaFileObject file) {
    Compilation compilation = compile(file);
    assertThat(compilation)
        .hadErrorContainingMatch(message.pattern())
        .inFile(file)
        .onLineContaining(line);
    assertThat(compilation).hadErrorContaining("baton-determinism");
    assertThat(compilation).hadErrorCount(1);
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          CLOCK_CALL         | long now = System.currentTimeMillis();
          CLOCK_CALL         | long now = System.nanoTime();
          CLOCK_CALL         | Instant now = Instant.now();
          CLOCK_CALL         | LocalDateTime now = LocalDateTime.now();
          CLOCK_CALL         | ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
          CLOCK_CALL         | LocalDate today = LocalDate.now();
          CLOCK_CALL         | Clock clock = Clock.systemUTC();
          CLOCK_CALL         | java.util.Date now = new java.util.Date();
          CLOCK_CALL         | Calendar now = Calendar.getInstance();
          THREAD_SLEEP_CALL  | Thread.sleep(1000);
          THREAD_SLEEP_CALL  | TimeUnit.SECONDS.sleep(1);
          THREAD_CALL        | Thread thread = new Thread(() -> {});
          THREAD_CALL        | Thread thread = new Thread() {};
          EXECUTOR_CALL      | ExecutorService pool = Executors.newFixedThreadPool(2);
          EXECUTOR_CALL      | CompletableFuture<String> f = CompletableFuture.supplyAsync(() -> input);
          EXECUTOR_CALL      | CompletableFuture.completedFuture(input).thenApplyAsync(String::trim);
          EXECUTOR_CALL      | ForkJoinPool pool = ForkJoinPool.commonPool();
          EXECUTOR_CALL      | long n = List.of(input).parallelStream().count();
          RANDOM_CALL        | Random random = new Random();
          RANDOM_CALL        | Random random = new java.security.SecureRandom();
          RANDOM_CALL        | double d = Math.random();
          RANDOM_CALL        | int i = ThreadLocalRandom.current().nextInt();
          RANDOM_UUID_CALL   | UUID id = UUID.randomUUID();
          IO_CALL            | byte[] bytes = Files.readAllBytes(Path.of(input));
          IO_CALL            | InputStream in = new FileInputStream(input);
          IO_CALL            | Writer out = new FileWriter(input);
          IO_CALL            | boolean there = new File(input).exists();
          IO_CALL            | Socket socket = new Socket("localhost", 80);
          IO_CALL            | URLConnection c = URI.create(input).toURL().openConnection();
          IO_CALL            | Connection c = DriverManager.getConnection(input);
          SYNCHRONIZED       | synchronized (this) { input = input.trim(); }
          """)
  void reportsEachNonDeterministicCall(Message message, String code) {
    assertLintError(message, code, workflowRunning(code));
  }

  @Test
  void reportsHttpClientSend() {
    String code =
        """
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        client.send(null, java.net.http.HttpResponse.BodyHandlers.ofString());
        """;
    assertLintError(Message.IO_CALL, "client.send", workflowRunning(code));
  }

  @Test
  void reportsSynchronizedMethod() {
    JavaFileObject file =
        workflowImplementedBy(
            """
            @Override
            public synchronized String run(String input) {
              return input;
            }
            """);
    assertLintError(Message.SYNCHRONIZED, "public synchronized String run", file);
  }

  @Test
  void reportsReadsAndWritesOfMutableStaticFields() {
    JavaFileObject file =
        workflowImplementedBy(
            """
            private static int runs;
            private static final int LIMIT = 3;

            @Override
            public String run(String input) {
              runs++;
              return input + LIMIT;
            }
            """);
    assertLintError(Message.MUTABLE_STATIC_FIELD, "runs++", file);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "catch (Throwable t)",
        "catch (Error e)",
        "catch (IllegalStateException | Error e)"
      })
  void reportsCatchesThatSwallowErrors(String clause) {
    String code =
        """
        try {
          input = input.trim();
        } %s {
          input = "failed";
        }
        """
            .formatted(clause);
    assertLintError(Message.CATCH_THROWABLE, clause, workflowRunning(code));
  }

  @Test
  void reportsCallsInLambdasAndNestedClassesOfWorkflowCode() {
    String code =
        """
        Promise<Long> later = Workflows.async(() -> System.currentTimeMillis());
        """;
    assertLintError(Message.CLOCK_CALL, "System.currentTimeMillis", workflowRunning(code));
  }

  @Test
  void reportsCodeOfAWorkflowClass() {
    JavaFileObject file =
        source(
            "test.Flow",
            HEADER
                + """
                @Workflow
                public class Flow {
                  @WorkflowMethod
                  public String run(String input) {
                    return input + UUID.randomUUID();
                  }
                }
                """);
    assertLintError(Message.RANDOM_UUID_CALL, "UUID.randomUUID()", file);
  }

  @Test
  void reportsCodeOfAClassThatInheritsTheWorkflowType() {
    JavaFileObject file =
        source(
            "test.Flow",
            HEADER
                + """
                @Workflow
                public interface Flow {
                  @WorkflowMethod
                  String run(String input);

                  /** Shares code between versions. */
                  abstract class Base implements Flow {}

                  /** The implementation under test. */
                  class Impl extends Base {
                    @Override
                    public String run(String input) {
                      return input + Math.random();
                    }
                  }
                }
                """);
    assertLintError(Message.RANDOM_CALL, "Math.random()", file);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Instant at = Instant.ofEpochMilli(0); java.util.Date epoch = new java.util.Date(0L);
          Duration d = Duration.ofSeconds(5); LocalDate day = LocalDate.of(2026, 11, 25);
          String System = "local"; int n = System.length();
          long t = Workflows.currentTime().toEpochMilli(); UUID u = Workflows.randomUUID();
          Random random = Workflows.newRandom(); int i = random.nextInt();
          String id = Workflows.sideEffect(String.class, () -> UUID.randomUUID().toString());
          try { input = input.trim(); } catch (Throwable t) { throw t; }
          try { input = input.trim(); } catch (Exception e) { input = "failed"; }
          Path p = Path.of(input); File f = new File(input); String name = f.getName();
          List<String> copy = new ArrayList<>(List.of(input)); copy.stream().count();
          """)
  void leavesLookAlikesAlone(String code) {
    Compilation compilation = compile(workflowRunning(code));
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void leavesStaticFinalConstantsAndEnumsAlone() {
    JavaFileObject file =
        source(
            "test.Flow",
            HEADER
                + """
                @Workflow
                public interface Flow {
                  @WorkflowMethod
                  String run(String input);

                  /** Levels. */
                  enum Level { LOW, HIGH }

                  /** The implementation under test. */
                  class Impl implements Flow {
                    private static final List<String> PREFIXES = List.of("a", "b");
                    private static final Duration WAIT = Duration.ofMinutes(1);

                    @Override
                    public String run(String input) {
                      return PREFIXES.get(0) + WAIT + Level.HIGH + java.math.BigDecimal.ONE;
                    }
                  }
                }
                """);
    assertThat(compile(file)).succeededWithoutWarnings();
  }

  @Test
  void leavesActivityImplementationsAlone() {
    JavaFileObject file =
        source(
            "test.Clock",
            HEADER
                + """
                @Activity
                public interface Clock {
                  @ActivityMethod(startToClose = "PT10S")
                  long now() throws Exception;

                  /** Reads the clock, sleeps and does I/O: activities may. */
                  class Impl implements Clock {
                    private static int calls;

                    @Override
                    public synchronized long now() throws Exception {
                      calls++;
                      Thread.sleep(1);
                      Files.exists(Path.of("x"));
                      return System.currentTimeMillis() + new Random().nextInt() + calls;
                    }
                  }
                }
                """);
    assertThat(compile(file)).succeededWithoutWarnings();
  }

  @Test
  void leavesAnActivityImplementationNestedInAWorkflowAlone() {
    JavaFileObject file =
        source(
            "test.Flow",
            HEADER
                + """
                @Workflow
                public interface Flow {
                  @WorkflowMethod
                  String run(String input);

                  /** An activity the workflow calls. */
                  @Activity
                  interface Stamp {
                    @ActivityMethod(startToClose = "PT10S")
                    long stamp();
                  }

                  /** The implementation under test, with its activity inside. */
                  class Impl implements Flow {
                    @Override
                    public String run(String input) {
                      return input + Flow_StampStub.create().stamp();
                    }

                    /** Activity code in a workflow class: it may read the clock. */
                    static class StampImpl implements Stamp {
                      @Override
                      public long stamp() {
                        return System.currentTimeMillis();
                      }
                    }
                  }
                }
                """);
    assertThat(compile(file)).succeededWithoutWarnings();
  }

  @Test
  void suppressWarningsBatonDeterminismSilencesOneMethod() {
    JavaFileObject file =
        workflowImplementedBy(
            """
            @Override
            public String run(String input) {
              return input + debugStamp();
            }

            @SuppressWarnings("baton-determinism") // only logged, never decides anything
            private long debugStamp() {
              return System.nanoTime();
            }

            private long other() {
              return System.nanoTime() / 2;
            }
            """);
    Compilation compilation = compile(file);
    assertThat(compilation)
        .hadErrorContainingMatch(Message.CLOCK_CALL.pattern())
        .inFile(file)
        .onLineContaining("return System.nanoTime() / 2;");
    assertThat(compilation).hadErrorCount(1);
  }
}
