package dev.baton.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.ActivityContext;
import dev.baton.ApplicationFailure;
import dev.baton.Baton;
import dev.baton.HistoryEvent;
import dev.baton.WorkflowDescription;
import dev.baton.WorkflowFailedException;
import dev.baton.WorkflowStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Activity retries, run failures and workflow task failures (DESIGN "How a workflow runs" 3). */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseKind.class)
class FailureTest {
  @Parameter DatabaseKind kind;
  @TempDir Path folder;
  TestDatabase db;
  final List<String> attempts = new java.util.concurrent.CopyOnWriteArrayList<>();
  Baton baton;
  FailingClient client;

  @BeforeEach
  void start() throws Exception {
    db = kind.create(folder);
    baton = db.open();
    Failing.Flaky flaky =
        (mode, failures) -> {
          ActivityContext context = ActivityContext.current();
          attempts.add(context.activityId() + "@" + context.scheduledTime().toEpochMilli());
          int attempt = context.attempt();
          if (mode.equals("declined")) {
            throw ApplicationFailure.newNonRetryableFailure("card declined", "CardDeclined");
          }
          if (attempt <= failures) {
            throw new IllegalStateException("transient failure " + attempt);
          }
          return "ok on attempt " + attempt;
        };
    baton
        .newWorker("failing")
        .registerWorkflow(Failing.Impl.class)
        .registerActivities(flaky)
        .start();
    client = FailingClient.of(baton);
  }

  @AfterEach
  void close() throws Exception {
    if (baton != null) {
      baton.close();
    }
    if (db != null) {
      db.close();
    }
  }

  @Test
  void activityIsRetriedUntilItSucceeds() {
    assertThat(client.start("retry", "retry").result(Duration.ofSeconds(30)))
        .isEqualTo("ok on attempt 3");
    List<HistoryEvent> history = baton.history("retry");
    HistoryEvent scheduled =
        history.stream()
            .filter(e -> e.type().equals("ActivityTaskScheduled"))
            .findFirst()
            .orElseThrow();
    assertThat(attempts)
        .as("every attempt sees the same activity id and scheduled time")
        .containsExactly(
            "1@" + scheduled.time().toEpochMilli(),
            "1@" + scheduled.time().toEpochMilli(),
            "1@" + scheduled.time().toEpochMilli());
    assertThat(history).extracting(HistoryEvent::type).doesNotContain("ActivityTaskFailed");
    assertThat(history.stream().filter(e -> e.type().equals("ActivityTaskStarted")).toList())
        .singleElement()
        .satisfies(e -> assertThat(e.attributesJson()).contains("\"attempt\":3"));
  }

  @Test
  void exhaustedRetriesReachTheWorkflowAsActivityFailure() {
    assertThat(client.start("caught", "caught").result(Duration.ofSeconds(30)))
        .isEqualTo("caught java.lang.IllegalStateException after 4 attempts");
    assertThat(baton.history("caught"))
        .extracting(HistoryEvent::type)
        .contains("ActivityTaskFailed");
  }

  @Test
  void nonRetryableActivityFailureFailsTheRun() {
    var run = client.start("declined", "declined");
    assertThatThrownBy(() -> run.result(Duration.ofSeconds(30)))
        .isInstanceOf(WorkflowFailedException.class)
        .satisfies(
            e ->
                assertThat(((WorkflowFailedException) e).getCause().type())
                    .isEqualTo("CardDeclined"));
    assertThat(run.status()).isEqualTo(WorkflowStatus.FAILED);
    assertThat(baton.history("declined"))
        .extracting(HistoryEvent::type)
        .filteredOn(t -> t.equals("ActivityTaskStarted"))
        .hasSize(1);
  }

  @Test
  void applicationFailureThrownByTheWorkflowFailsTheRun() {
    assertThatThrownBy(() -> client.start("app", "application").result(Duration.ofSeconds(30)))
        .isInstanceOf(WorkflowFailedException.class)
        .satisfies(
            e -> {
              ApplicationFailure cause = ((WorkflowFailedException) e).getCause();
              assertThat(cause.type()).isEqualTo("OrderVoid");
              assertThat(cause.originalMessage()).isEqualTo("order is void");
            });
    assertThat(baton.history("app").get(baton.history("app").size() - 1).type())
        .isEqualTo("WorkflowExecutionFailed");
  }

  @Test
  void exceptionListedInFailRunOnFailsTheRun() {
    assertThatThrownBy(() -> client.start("declared", "declared").result(Duration.ofSeconds(30)))
        .isInstanceOf(WorkflowFailedException.class)
        .satisfies(
            e ->
                assertThat(((WorkflowFailedException) e).getCause().type())
                    .isEqualTo(IllegalArgumentException.class.getName()));
  }

  @Test
  void otherExceptionFailsTheWorkflowTaskNotTheRun() throws Exception {
    var run = client.start("bug", "bug");
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    WorkflowDescription.PendingWorkflowTask task;
    do {
      Thread.sleep(20);
      task = baton.describe("bug").pendingWorkflowTask();
    } while ((task == null || task.lastFailure() == null) && System.nanoTime() < deadline);
    assertThat(task).isNotNull();
    assertThat(task.lastFailure()).contains("IllegalStateException: a bug in workflow code");
    assertThat(task.attempt()).isGreaterThan(1);
    assertThat(run.status()).isEqualTo(WorkflowStatus.RUNNING);
    assertThat(baton.history("bug"))
        .extracting(HistoryEvent::type)
        .containsExactly("WorkflowExecutionStarted", "WorkflowTaskScheduled");
  }
}
