package dev.baton.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.Baton;
import dev.baton.HistoryEvent;
import dev.baton.WorkflowStatus;
import dev.baton.it.greeter.Greeter;
import dev.baton.it.greeter.GreeterClient;
import dev.baton.it.greeter.GreeterWorker;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;

/**
 * Child workflows that return values and failures to their parents, signals between runs, and what
 * happens to a child when its parent closes first; one child runs in a JVM whose class path holds
 * only its own contract and implementation.
 */
class ChildWorkflowTest {
  @TempDir Path folder;

  private static Baton withWorkers(Baton baton) {
    baton.newWorker("parents").registerWorkflow(Family.Impl.class).start();
    baton.newWorker("greeters").registerWorkflow(Greeter.Impl.class).start();
    return baton;
  }

  private static String run(Baton baton, String workflowId, String scenario, String argument) {
    return FamilyClient.of(baton)
        .start(workflowId, scenario, argument)
        .result(Duration.ofSeconds(60));
  }

  private static List<String> types(Baton baton, String workflowId) {
    return baton.history(workflowId).stream().map(HistoryEvent::type).toList();
  }

  @AllDatabases
  void aChildReturnsItsValueToItsParent(DatabaseKind kind) throws Exception {
    try (TestDatabase db = kind.create(folder);
        Baton baton = withWorkers(db.open())) {
      assertThat(run(baton, "parent", "one", "ada")).isEqualTo("hello ada from greeters");

      assertThat(types(baton, "parent"))
          .containsSubsequence(
              "StartChildWorkflowExecutionInitiated",
              "ChildWorkflowExecutionStarted",
              "ChildWorkflowExecutionCompleted",
              "WorkflowExecutionCompleted");
      String childId =
          baton.history("parent").stream()
              .filter(e -> e.type().equals("ChildWorkflowExecutionStarted"))
              .map(HistoryEvent::attributesJson)
              .findFirst()
              .orElseThrow()
              .replaceAll(".*\"workflowId\":\"([^\"]+)\".*", "$1");
      assertThat(childId).startsWith("parent/");
      assertThat(baton.describe(childId).status()).isEqualTo(WorkflowStatus.COMPLETED);
      assertThat(db.queryLong("SELECT COUNT(*) FROM baton_outbox")).isZero();
    }
  }

  @AllDatabases
  void aChildsFailureReachesItsParentWithItsType(DatabaseKind kind) throws Exception {
    try (TestDatabase db = kind.create(folder);
        Baton baton = withWorkers(db.open())) {
      assertThat(run(baton, "parent", "failing", ""))
          .isEqualTo("caught ChildRefused: child says no");
      assertThat(types(baton, "parent")).contains("ChildWorkflowExecutionFailed");
    }
  }

  @AllDatabases
  void childrenRunInParallelAndTakeSignals(DatabaseKind kind) throws Exception {
    try (TestDatabase db = kind.create(folder);
        Baton baton = withWorkers(db.open())) {
      assertThat(run(baton, "fan", "parallel", "a,b,c"))
          .isEqualTo("hello a from greeters; hello b from greeters; hello c from greeters");
      assertThat(run(baton, "signaller", "signal", "")).isEqualTo("poked: one,two");
      assertThat(types(baton, "signaller"))
          .containsSubsequence(
              "SignalExternalWorkflowExecutionInitiated",
              "ExternalWorkflowExecutionSignaled",
              "SignalExternalWorkflowExecutionInitiated",
              "ExternalWorkflowExecutionSignaled");
    }
  }

  @AllDatabases
  void startsAndSignalsThatCannotHappenFailClearly(DatabaseKind kind) throws Exception {
    try (TestDatabase db = kind.create(folder);
        Baton baton = withWorkers(db.open())) {
      assertThat(run(baton, "dup", "duplicate", "the-child"))
          .isEqualTo("WORKFLOW_ALREADY_RUNNING / poked: done");
      assertThat(run(baton, "unknown", "unknown-type", ""))
          .startsWith(
              "UNKNOWN_WORKFLOW_TYPE: No worker has registered workflow type 'NoSuchWorkflow'");
      assertThat(run(baton, "lost", "signal-unknown-run", "nobody"))
          .isEqualTo("WORKFLOW_NOT_FOUND");
      assertThat(types(baton, "unknown")).contains("StartChildWorkflowExecutionFailed");
    }
  }

  @AllDatabases
  void aParentThatClosesTerminatesOrAbandonsItsChild(DatabaseKind kind) throws Exception {
    try (TestDatabase db = kind.create(folder);
        Baton baton = withWorkers(db.open())) {
      assertThat(run(baton, "p1", "leave-terminate", "doomed")).isEqualTo("left doomed");
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (!baton.describe("doomed").status().isClosed()) {
        assertThat(System.nanoTime()).as("child terminated").isLessThan(deadline);
        Thread.sleep(20);
      }
      assertThat(baton.describe("doomed").status()).isEqualTo(WorkflowStatus.TERMINATED);
      assertThat(baton.history("doomed").get(baton.history("doomed").size() - 1).attributesJson())
          .contains("its parent workflow p1 closed (policy TERMINATE)");

      assertThat(run(baton, "p2", "leave-abandon", "orphan")).isEqualTo("left orphan");
      Thread.sleep(1_500);
      assertThat(baton.describe("orphan").status()).isEqualTo(WorkflowStatus.RUNNING);
      GreeterClient.of(baton).poke("orphan", "from a stranger");
      assertThat(GreeterClient.of(baton).result("orphan", Duration.ofSeconds(30)))
          .isEqualTo("poked: from the parent,from a stranger");
      // The orphan's close is reported to its closed parent, which ignores it.
      long drained = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (db.queryLong("SELECT COUNT(*) FROM baton_outbox") > 0) {
        assertThat(System.nanoTime()).as("outbox drained").isLessThan(drained);
        Thread.sleep(20);
      }
      assertThat(types(baton, "p2")).last().isEqualTo("WorkflowExecutionCompleted");
    }
  }

  /** The child's worker runs in another JVM whose class path lacks the parent's classes. */
  @AllDatabases
  void aChildOnAWorkerInAnotherApplicationReturnsItsValue(DatabaseKind kind) throws Exception {
    try (TestDatabase db = kind.create(folder);
        ChildJvm greeters = greeterJvm(db);
        Baton baton = db.open()) {
      baton.newWorker("parents").registerWorkflow(Family.Impl.class).start();

      assertThat(run(baton, "remote", "one", "grace")).isEqualTo("hello grace from greeters");
      assertThat(greeters.lines()).contains("ISOLATED");
    }
  }

  /** A JVM with Baton and its dependencies and only the greeter package of the test classes. */
  private ChildJvm greeterJvm(TestDatabase db) throws Exception {
    Path testClasses =
        Path.of(Greeter.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path greeterOnly = folder.resolve("greeter-app");
    Path packageDir = Path.of("dev", "baton", "it", "greeter");
    Files.createDirectories(greeterOnly.resolve(packageDir));
    try (Stream<Path> files = Files.list(testClasses.resolve(packageDir))) {
      for (Path file : files.toList()) {
        Files.copy(file, greeterOnly.resolve(packageDir).resolve(file.getFileName()));
      }
    }
    List<String> classPath = new ArrayList<>();
    classPath.add(greeterOnly.toString());
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (!Path.of(entry).toAbsolutePath().equals(testClasses.toAbsolutePath())) {
        classPath.add(entry);
      }
    }
    ChildJvm child =
        ChildJvm.launch(
            "greeters",
            String.join(File.pathSeparator, classPath),
            GreeterWorker.class.getName(),
            List.of(),
            db.spec(),
            TestDatabase.MariaDb.user(),
            TestDatabase.MariaDb.password());
    assertThat(child.awaitLine("READY"::equals, 120_000)).as("greeter JVM started").isTrue();
    return child;
  }
}
