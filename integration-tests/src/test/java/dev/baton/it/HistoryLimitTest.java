package dev.baton.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.Baton;
import dev.baton.BatonOptions;
import dev.baton.WorkflowFailedException;
import dev.baton.WorkflowHandle;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.io.TempDir;

/** A run whose history grows past its limit fails clearly, after a warning in the log. */
class HistoryLimitTest {
  @TempDir Path folder;

  @AllDatabases
  void aHistoryPastItsLimitFailsTheRunAfterAWarning(DatabaseKind kind) throws Exception {
    PrintStream err = System.err;
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    System.setErr(new PrintStream(new TeeStream(err, log), true, StandardCharsets.UTF_8));
    Durable.Echo echo = n -> "echo " + n;
    try (TestDatabase db = kind.create(folder);
        Baton baton = db.open(BatonOptions.newBuilder().maxHistoryEvents(60).build())) {
      baton
          .newWorker("chatty")
          .registerWorkflow(Chatty.Impl.class)
          .registerActivities(echo)
          .start();

      WorkflowHandle<String> run = ChattyClient.of(baton).start("chatty");

      assertThatThrownBy(() -> run.result(Duration.ofSeconds(60)))
          .isInstanceOf(WorkflowFailedException.class)
          .hasMessageContaining("HistoryLimitExceeded")
          .hasMessageContaining("past its limit of 60 events");
      // The first workflow task that would pass the limit fails the run: the events that
      // arrived since the last task, and that task's own three, may go a little over it.
      assertThat(db.queryLong("SELECT next_event_id - 1 FROM baton_runs")).isBetween(55L, 70L);
      assertThat(log.toString(StandardCharsets.UTF_8))
          .contains("past 80% of its limit of 60 events");
    } finally {
      System.setErr(err);
    }
  }

  /** Writes to two streams. */
  private static final class TeeStream extends java.io.OutputStream {
    private final java.io.OutputStream first;
    private final java.io.OutputStream second;

    TeeStream(java.io.OutputStream first, java.io.OutputStream second) {
      this.first = first;
      this.second = second;
    }

    @Override
    public synchronized void write(int b) throws java.io.IOException {
      first.write(b);
      second.write(b);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws java.io.IOException {
      first.write(b, off, len);
      second.write(b, off, len);
    }
  }
}
