package dev.baton.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.Baton;
import dev.baton.BatonOptions;
import dev.baton.HistoryEvent;
import dev.baton.SettableTimeSource;
import dev.baton.SignalType;
import dev.baton.TimeSource;
import dev.baton.TypeRef;
import dev.baton.WorkflowHandle;
import dev.baton.WorkflowNotFoundException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.io.TempDir;

/** Signals: durable, in order, never lost, also while the workflow completes. */
class SignalTest {
  @TempDir Path folder;

  private static Baton withWorker(Baton baton) {
    baton.newWorker("inbox").registerWorkflow(Inbox.Impl.class).start();
    return baton;
  }

  @AllDatabases
  void signalsAreDeliveredInTheOrderReceived(DatabaseKind kind) throws Exception {
    try (TestDatabase db = kind.create(folder);
        Baton baton = withWorker(db.open())) {
      InboxClient inbox = InboxClient.of(baton);
      WorkflowHandle<List<String>> run = inbox.start("ordered", 0L);
      List<String> sent = IntStream.range(0, 30).mapToObj(i -> "m" + i).toList();
      sent.forEach(m -> inbox.add("ordered", m));
      inbox.finish("ordered");

      assertThat(run.result(Duration.ofSeconds(30))).containsExactlyElementsOf(sent);
      assertThat(baton.history("ordered").stream().filter(e -> e.type().equals("SignalReceived")))
          .hasSize(31);
    }
  }

  /**
   * Signals sent in a tight loop while the workflow decides to finish: every signal the client saw
   * accepted is in the result; the ones refused came after the run closed. (While signals keep
   * coming, each attempt to complete is discarded for the newer events, so the loop sends at most
   * 300 after {@code finish}.)
   */
  @AllDatabases
  void noSignalIsLostWhileTheWorkflowCompletes(DatabaseKind kind) throws Exception {
    try (TestDatabase db = kind.create(folder);
        Baton baton = withWorker(db.open())) {
      InboxClient inbox = InboxClient.of(baton);
      for (int round = 0; round < 3; round++) {
        String id = "racing-" + round;
        WorkflowHandle<List<String>> run = inbox.start(id, 0L);
        List<String> accepted = new ArrayList<>();
        boolean finishSent = false;
        for (int i = 0; i < 320; i++) {
          if (i == 20) {
            inbox.finish(id);
            finishSent = true;
          }
          try {
            inbox.add(id, "m" + i);
            accepted.add("m" + i);
          } catch (WorkflowNotFoundException closed) {
            assertThat(finishSent).isTrue();
            break;
          }
        }
        assertThat(run.result(Duration.ofSeconds(30))).containsExactlyElementsOf(accepted);
      }
    }
  }

  @AllDatabases
  void signalWithStartStartsOnceThenSignals(DatabaseKind kind) throws Exception {
    try (TestDatabase db = kind.create(folder);
        Baton baton = withWorker(db.open())) {
      InboxClient inbox = InboxClient.of(baton);
      WorkflowHandle<List<String>> first = inbox.startWithAdd("sws", 0L, "first");
      WorkflowHandle<List<String>> second = inbox.startWithAdd("sws", 0L, "second");
      assertThat(second.runId()).isEqualTo(first.runId());
      inbox.finish("sws");
      assertThat(first.result(Duration.ofSeconds(30))).containsExactly("first", "second");
    }
  }

  @AllDatabases
  void awaitWithATimeoutReturnsFalseWhenTimeRunsOut(DatabaseKind kind) throws Exception {
    SettableTimeSource clock = TimeSource.settable(Instant.parse("2026-03-01T00:00:00Z"));
    try (TestDatabase db = kind.create(folder);
        Baton baton = withWorker(db.open(BatonOptions.newBuilder().timeSource(clock).build()))) {
      InboxClient inbox = InboxClient.of(baton);
      WorkflowHandle<List<String>> run = inbox.start("patient", Duration.ofDays(3).toMillis());
      waitForEvent(baton, "patient", "TimerStarted");
      inbox.add("patient", "early");
      clock.advance(Duration.ofDays(3));

      assertThat(run.result(Duration.ofSeconds(30))).containsExactly("early", "(timed out)");
      assertThat(baton.history("patient")).extracting(HistoryEvent::type).contains("TimerFired");
    }
  }

  @AllDatabases
  void badSignalsAreRefusedAndChangeNothing(DatabaseKind kind) throws Exception {
    try (TestDatabase db = kind.create(folder);
        Baton baton = withWorker(db.open())) {
      InboxClient inbox = InboxClient.of(baton);
      inbox.start("done", 0L);
      inbox.finish("done");
      inbox.handle("done").result(Duration.ofSeconds(30));
      inbox.start("open", 0L);
      waitForEvent(baton, "open", "WorkflowTaskCompleted");
      Map<String, Long> before = db.tableCounts();

      assertThatThrownBy(() -> inbox.add("nobody", "x"))
          .isInstanceOf(WorkflowNotFoundException.class)
          .hasMessageContaining("nobody");
      assertThatThrownBy(() -> inbox.add("done", "x"))
          .isInstanceOf(WorkflowNotFoundException.class)
          .hasMessageContaining("No running run of workflow 'done'")
          .hasMessageContaining("COMPLETED");
      SignalType unknown = SignalType.of("shout", TypeRef.of(String.class));
      assertThatThrownBy(() -> baton.signal("open", unknown, "x"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("no signal named 'shout'")
          .hasMessageContaining("[add, finish]");
      assertThatThrownBy(() -> baton.signal("open", InboxClient.ADD, 42, 43))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("takes 1 argument(s)");
      assertThatThrownBy(() -> baton.signal(null, InboxClient.ADD, "x"))
          .isInstanceOf(NullPointerException.class)
          .hasMessageContaining("workflowId");
      assertThat(db.tableCounts()).isEqualTo(before);
    }
  }

  static void waitForEvent(Baton baton, String workflowId, String type)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (baton.history(workflowId).stream().noneMatch(e -> e.type().equals(type))) {
      assertThat(System.nanoTime())
          .as("%s in the history of %s", type, workflowId)
          .isLessThan(deadline);
      Thread.sleep(10);
    }
  }
}
