package dev.baton.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.baton.HistoryEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The replayer passes unchanged code and names the event where changed code departs from a recorded
 * history.
 */
class ReplayerTest {
  /** Where recorded histories are kept, as a team would keep its production histories. */
  private static final Path HISTORIES = Path.of("src/test/resources/histories");

  private static String recorded;
  private static List<HistoryEvent> events;

  /** Records one order: reserved, an hour's timer, charged, approved by signal, notified. */
  @BeforeAll
  static void record() {
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.create()) {
      env.newWorker("orders")
          .registerWorkflow(Orders.OrderImpl.class)
          .registerActivities(new Orders.StepsImpl())
          .start();
      Orders_OrderClient orders = Orders_OrderClient.of(env.baton());
      var run = orders.start("order-1", "order-1");
      env.sleep(Duration.ofHours(2));
      orders.approve("order-1", "alice");
      assertThat(run.result()).isEqualTo("charged for reservation of order-1, approved by alice");
      recorded = env.baton().exportHistory("order-1");
      events = env.history("order-1");
    }
  }

  /** The id of the event scheduling activity {@code method}. */
  private static long scheduled(String method) {
    return events.stream()
        .filter(e -> e.type().equals("ActivityTaskScheduled"))
        .filter(e -> e.attributesJson().contains("Steps." + method + "\""))
        .mapToLong(HistoryEvent::eventId)
        .findFirst()
        .orElseThrow();
  }

  private static ReplayFailedException replayFails(Class<?> implementation) {
    return catchThrowableOfType(
        ReplayFailedException.class, () -> WorkflowReplayer.replay(recorded, implementation));
  }

  @Test
  void unchangedCodeReplays() {
    WorkflowReplayer.replay(recorded, Orders.OrderImpl.class);
  }

  @Test
  void aSwappedActivityFailsAtItsScheduledEvent() {
    ReplayFailedException failure = replayFails(Orders.ActivitySwapped.class);

    assertThat(failure.eventId()).isEqualTo(scheduled("reserve"));
    assertThat(failure.recorded()).contains("Steps.reserve");
    assertThat(failure.command()).contains("Steps.reserveElsewhere");
    assertThat(failure)
        .hasMessageContaining("at event " + scheduled("reserve"))
        .hasMessageContaining("history holds:")
        .hasMessageContaining("the code now does:");
  }

  @Test
  void anAddedTimerFailsWhereHistoryScheduledTheNextActivity() {
    ReplayFailedException failure = replayFails(Orders.TimerAdded.class);

    assertThat(failure.eventId()).isEqualTo(scheduled("charge"));
    assertThat(failure.recorded()).contains("Steps.charge");
    assertThat(failure.command()).contains("timer");
  }

  @Test
  void aRemovedActivityFailsAtItsScheduledEvent() {
    ReplayFailedException failure = replayFails(Orders.ActivityRemoved.class);

    assertThat(failure.eventId()).isEqualTo(scheduled("charge"));
    assertThat(failure.recorded()).contains("Steps.charge");
    assertThat(failure.command()).contains("no further command");
  }

  @Test
  void aChangedSignalHandlerFailsWhereTheSignalsEffectWasRecorded() {
    ReplayFailedException failure = replayFails(Orders.SignalHandlerChanged.class);

    assertThat(failure.eventId()).isEqualTo(scheduled("notifyApprover"));
    assertThat(failure.recorded()).contains("Steps.notifyApprover");
  }

  @Test
  void everyHistoryKeptInTestResourcesReplays() {
    WorkflowReplayer.replayFolder(HISTORIES, Orders.OrderImpl.class);
  }

  @Test
  void aFolderReplayReportsEveryHistoryThatFails(@TempDir Path folder) throws IOException {
    Files.writeString(folder.resolve("a.json"), recorded);
    Files.writeString(folder.resolve("b.json"), recorded);
    Files.writeString(folder.resolve("notes.txt"), "not a history");

    ReplayFailedException failure =
        catchThrowableOfType(
            ReplayFailedException.class,
            () -> WorkflowReplayer.replayFolder(folder, Orders.ActivitySwapped.class));

    assertThat(failure.history()).isEqualTo("a.json");
    assertThat(failure.getSuppressed()).hasSize(1);
    assertThat(((ReplayFailedException) failure.getSuppressed()[0]).history()).isEqualTo("b.json");
  }

  @Test
  void badInputIsRejectedClearly(@TempDir Path empty) {
    assertThatThrownBy(() -> WorkflowReplayer.replay(null, Orders.OrderImpl.class))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("historyJson");
    assertThatThrownBy(() -> WorkflowReplayer.replay(recorded))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one");
    assertThatThrownBy(() -> WorkflowReplayer.replay("{}", Orders.OrderImpl.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Not a Baton history export");
    assertThatThrownBy(() -> WorkflowReplayer.replay("not json", Orders.OrderImpl.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Not JSON");
    assertThatThrownBy(() -> WorkflowReplayer.replay(recorded, Timers.SleeperImpl.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("workflow type Order");
    assertThatThrownBy(() -> WorkflowReplayer.replayFolder(empty, Orders.OrderImpl.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("No *.json history");
    assertThatThrownBy(
            () -> WorkflowReplayer.replayFolder(empty.resolve("missing"), Orders.OrderImpl.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Not a folder");
  }
}
