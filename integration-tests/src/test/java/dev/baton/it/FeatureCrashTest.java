package dev.baton.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.Baton;
import dev.baton.HistoryEvent;
import dev.baton.WorkflowHandle;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each feature survives a worker JVM killed with SIGKILL at its worst moment — a timer pending, a
 * signal just sent, a fan-out half done, a query in flight, a local activity running — and a new
 * JVM finishes the run with the outcome unchanged.
 */
@SuppressWarnings("try") // the second worker only has to live while the run finishes
class FeatureCrashTest {
  @TempDir Path folder;

  private static ChildJvm worker(TestDatabase db, String name) throws Exception {
    ChildJvm child = ChildJvm.launch(name, FeatureWorker.class, List.of("-Xmx256m"), db.spec());
    assertThat(child.awaitLine("READY"::equals, 120_000)).as("%s started", name).isTrue();
    return child;
  }

  private static long count(Baton baton, String workflowId, String type) {
    return baton.history(workflowId).stream().filter(e -> e.type().equals(type)).count();
  }

  @AllDatabases
  void timerPendingWhenTheWorkerDies(DatabaseKind kind) throws Exception {
    try (TestDatabase db = kind.create(folder);
        ChildJvm first = worker(db, "timer-1");
        Baton baton = db.open()) {
      WorkflowHandle<List<Instant>> run = Durable_SleeperSecondsClient.of(baton).start("timer", 3);
      SignalTest.waitForEvent(baton, "timer", "TimerStarted");
      first.kill();
      try (ChildJvm second = worker(db, "timer-2")) {
        List<Instant> times = run.result(Duration.ofSeconds(60));
        assertThat(Duration.between(times.get(0), times.get(1)))
            .isGreaterThanOrEqualTo(Duration.ofSeconds(3));
        assertThat(count(baton, "timer", "TimerStarted")).isEqualTo(1);
        assertThat(count(baton, "timer", "TimerFired")).isEqualTo(1);
      }
    }
  }

  @AllDatabases
  void signalJustSentWhenTheWorkerDies(DatabaseKind kind) throws Exception {
    try (TestDatabase db = kind.create(folder);
        ChildJvm first = worker(db, "signal-1");
        Baton baton = db.open()) {
      InboxClient inbox = InboxClient.of(baton);
      WorkflowHandle<List<String>> run = inbox.start("signalled", 0L);
      SignalTest.waitForEvent(baton, "signalled", "WorkflowTaskCompleted");
      inbox.add("signalled", "sent just before the kill");
      first.kill();
      try (ChildJvm second = worker(db, "signal-2")) {
        inbox.finish("signalled");
        assertThat(run.result(Duration.ofSeconds(60))).containsExactly("sent just before the kill");
      }
    }
  }

  @AllDatabases
  void fanOutHalfDoneWhenTheWorkerDies(DatabaseKind kind) throws Exception {
    try (TestDatabase db = kind.create(folder);
        ChildJvm first = worker(db, "fanout-1");
        Baton baton = db.open()) {
      WorkflowHandle<List<String>> run = Durable_FanOutClient.of(baton).start("fan", 200);
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (count(baton, "fan", "ActivityTaskCompleted") < 100) {
        assertThat(System.nanoTime()).as("half the fan-out done").isLessThan(deadline);
        Thread.sleep(20);
      }
      first.kill();
      try (ChildJvm second = worker(db, "fanout-2")) {
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
          expected.add("echo " + i);
        }
        expected.add("echo -1+echo -2");
        expected.add("echo -1+echo -2");
        assertThat(run.result(Duration.ofSeconds(120))).containsExactlyElementsOf(expected);
        List<String> completedSeqs =
            baton.history("fan").stream()
                .filter(e -> e.type().equals("ActivityTaskCompleted"))
                .map(HistoryEvent::attributesJson)
                .map(json -> json.replaceAll(".*\"seq\":(\\d+).*", "$1"))
                .toList();
        assertThat(completedSeqs).hasSize(202).doesNotHaveDuplicates();
      }
    }
  }

  @AllDatabases
  void queryInFlightWhenTheWorkerDies(DatabaseKind kind) throws Exception {
    try (TestDatabase db = kind.create(folder);
        ChildJvm first = worker(db, "query-1");
        Baton baton = db.open()) {
      InboxClient inbox = InboxClient.of(baton);
      inbox.startWithAdd("asked", 0L, "hello");
      SignalTest.waitForEvent(baton, "asked", "WorkflowTaskCompleted");
      first.kill();
      // The query is in flight while no worker lives; the next worker answers it.
      CompletableFuture<String> answer =
          CompletableFuture.supplyAsync(() -> inbox.last("asked", Duration.ofSeconds(90)));
      Thread.sleep(500);
      try (ChildJvm second = worker(db, "query-2")) {
        assertThat(answer.get()).isEqualTo("hello");
      }
    }
  }

  /**
   * The worker dies while a local activity runs inside its workflow task: nothing was recorded, so
   * the next worker runs the task again, and the activity's outcome is recorded once.
   */
  @AllDatabases
  void localActivityRunningWhenTheWorkerDies(DatabaseKind kind) throws Exception {
    try (TestDatabase db = kind.create(folder);
        ChildJvm first = worker(db, "local-1");
        Baton baton = db.open()) {
      WorkflowHandle<List<String>> run =
          Local_ParallelClient.of(baton).start("local-crash", 1, 2_000L, 30_000L);
      assertThat(first.awaitLine("LOCAL-RUNNING"::equals, 60_000)).isTrue();
      first.kill();
      assertThat(baton.history("local-crash"))
          .extracting(HistoryEvent::type)
          .containsExactly("WorkflowExecutionStarted", "WorkflowTaskScheduled");
      try (ChildJvm second = worker(db, "local-2")) {
        assertThat(run.result(Duration.ofSeconds(60))).containsExactly("saw 1");
        assertThat(count(baton, "local-crash", "MarkerRecorded")).isEqualTo(1);
        assertThat(count(baton, "local-crash", "WorkflowTaskCompleted")).isEqualTo(1);
      }
    }
  }

  /**
   * The worker dies just after the parent asked for its child: the next worker (and the outbox)
   * carry on, and exactly one child runs and reports back.
   */
  @AllDatabases
  void childJustStartedWhenTheWorkerDies(DatabaseKind kind) throws Exception {
    try (TestDatabase db = kind.create(folder);
        ChildJvm first = worker(db, "child-1");
        Baton baton = db.open()) {
      WorkflowHandle<String> run = FamilyClient.of(baton).start("family", "waiting", "");
      SignalTest.waitForEvent(baton, "family", "StartChildWorkflowExecutionInitiated");
      first.kill();
      try (ChildJvm second = worker(db, "child-2")) {
        SignalTest.waitForEvent(baton, "family", "ChildWorkflowExecutionStarted");
        String childId =
            baton.history("family").stream()
                .filter(e -> e.type().equals("ChildWorkflowExecutionStarted"))
                .findFirst()
                .orElseThrow()
                .attributesJson()
                .replaceAll(".*\"workflowId\":\"([^\"]+)\".*", "$1");
        dev.baton.it.greeter.GreeterClient.of(baton).poke(childId, "after the crash");
        assertThat(run.result(Duration.ofSeconds(60))).isEqualTo("poked: after the crash");
        assertThat(count(baton, "family", "StartChildWorkflowExecutionInitiated")).isEqualTo(1);
        assertThat(count(baton, "family", "ChildWorkflowExecutionStarted")).isEqualTo(1);
        assertThat(count(baton, "family", "ChildWorkflowExecutionCompleted")).isEqualTo(1);
      }
    }
  }

  /**
   * Cancel, terminate and an execution timeout while no worker lives: cancel waits for the next
   * worker, which cleans up once; terminate and the timeout need no worker at all.
   */
  @AllDatabases
  void cancelTerminateAndTimeoutWhileTheWorkerIsDead(DatabaseKind kind) throws Exception {
    try (TestDatabase db = kind.create(folder);
        ChildJvm first = worker(db, "control-1");
        Baton baton = db.open()) {
      CancellableClient client = CancellableClient.of(baton);
      WorkflowHandle<String> cancelled = client.start("to-cancel", "sleep-then-clean-up");
      WorkflowHandle<String> terminated = client.start("to-terminate", "sleep-then-clean-up");
      WorkflowHandle<String> timedOut =
          client.start(
              dev.baton.WorkflowOptions.newBuilder("to-time-out")
                  .executionTimeout(Duration.ofSeconds(4))
                  .build(),
              "sleep-then-clean-up");
      for (String id : List.of("to-cancel", "to-terminate", "to-time-out")) {
        SignalTest.waitForEvent(baton, id, "TimerStarted");
      }
      first.kill();

      cancelled.cancel();
      terminated.terminate("stopped while its worker was dead");
      assertThat(terminated.status()).isEqualTo(dev.baton.WorkflowStatus.TERMINATED);
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (timedOut.status() == dev.baton.WorkflowStatus.RUNNING) {
        assertThat(System.nanoTime()).as("timed out without a worker").isLessThan(deadline);
        Thread.sleep(50);
      }
      assertThat(timedOut.status()).isEqualTo(dev.baton.WorkflowStatus.TIMED_OUT);
      assertThat(cancelled.status()).isEqualTo(dev.baton.WorkflowStatus.RUNNING);

      try (ChildJvm second = worker(db, "control-2")) {
        while (cancelled.status() == dev.baton.WorkflowStatus.RUNNING) {
          assertThat(System.nanoTime()).as("cancelled by the next worker").isLessThan(deadline);
          Thread.sleep(50);
        }
        assertThat(cancelled.status()).isEqualTo(dev.baton.WorkflowStatus.CANCELLED);
        assertThat(count(baton, "to-cancel", "ActivityTaskCompleted")).isEqualTo(1);
        assertThat(count(baton, "to-terminate", "ActivityTaskScheduled")).isZero();
      }
    }
  }
}
