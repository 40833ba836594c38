package dev.baton.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.Baton;
import dev.baton.HistoryEvent;
import dev.baton.QueryFailedException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/** Queries: answered from the workflow's current state by a worker, never changing history. */
class QueryTest {
  @TempDir Path folder;

  @AllDatabases
  void queriesReadTheCurrentStateAndLeaveHistoryAlone(DatabaseKind kind) throws Exception {
    try (TestDatabase db = kind.create(folder);
        Baton baton = db.open()) {
      baton.newWorker("inbox").registerWorkflow(Inbox.Impl.class).start();
      InboxClient inbox = InboxClient.of(baton);
      inbox.start("asked", 0L);
      inbox.add("asked", "a");
      inbox.add("asked", "b");
      SignalTest.waitForEvent(baton, "asked", "WorkflowTaskCompleted");
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (inbox.count("asked") < 2) { // until a task has seen both signals
        assertThat(System.nanoTime()).isLessThan(deadline);
        Thread.sleep(10);
      }
      List<HistoryEvent> before = baton.history("asked");

      assertThat(inbox.count("asked")).isEqualTo(2);
      assertThat(inbox.last("asked")).isEqualTo("b");
      assertThat(baton.history("asked")).isEqualTo(before);
    }
  }

  @AllDatabases
  void aQueryThatThrowsReturnsTheError(DatabaseKind kind) throws Exception {
    try (TestDatabase db = kind.create(folder);
        Baton baton = db.open()) {
      baton.newWorker("inbox").registerWorkflow(Inbox.Impl.class).start();
      InboxClient inbox = InboxClient.of(baton);
      inbox.start("empty", 0L);
      SignalTest.waitForEvent(baton, "empty", "WorkflowTaskCompleted");

      assertThatThrownBy(() -> inbox.last("empty"))
          .isInstanceOf(QueryFailedException.class)
          .hasMessageContaining("Query 'last' of workflow empty failed")
          .hasMessageContaining("no message yet");
      assertThat(db.queryLong("SELECT COUNT(*) FROM baton_query_tasks")).isZero();
    }
  }

  @AllDatabases
  void aQueryNoWorkerAnswersTimesOutClearly(DatabaseKind kind) throws Exception {
    try (TestDatabase db = kind.create(folder);
        Baton baton = db.open()) {
      baton.newWorker("inbox").registerWorkflow(Inbox.Impl.class).start().close();
      InboxClient inbox = InboxClient.of(baton);
      inbox.start("unattended", 0L); // no worker is running now

      assertThatThrownBy(() -> inbox.count("unattended", Duration.ofSeconds(1)))
          .isInstanceOf(QueryFailedException.class)
          .hasMessageContaining("No worker answered query 'count' of workflow unattended")
          .hasMessageContaining("workflow type Inbox");
      assertThat(db.queryLong("SELECT COUNT(*) FROM baton_query_tasks")).isZero();
    }
  }

  @AllDatabases
  void aClosedWorkflowCanStillBeQueried(DatabaseKind kind) throws Exception {
    try (TestDatabase db = kind.create(folder);
        Baton baton = db.open()) {
      baton.newWorker("inbox").registerWorkflow(Inbox.Impl.class).start();
      InboxClient inbox = InboxClient.of(baton);
      inbox.startWithAdd("closed", 0L, "only");
      inbox.finish("closed");
      inbox.handle("closed").result(Duration.ofSeconds(30));

      assertThat(inbox.last("closed")).isEqualTo("only");
    }
  }
}
