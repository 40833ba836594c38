package dev.baton.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.ActivityLeaseLostException;
import dev.baton.Baton;
import dev.baton.HistoryEvent;
import dev.baton.WorkflowHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two worker JVMs on one MariaDB database, with real database time: JVM A claims the activity and
 * blocks past its 2-second lease; JVM B claims attempt 2 and completes it; A's completion, and a
 * completion with A's token from this JVM, are then rejected, and history holds B's result once.
 */
class LateCompletionAcrossJvmsTest {
  @Test
  void completionFromAnotherJvmAfterItsLeaseExpiredIsRejected(@TempDir Path folder)
      throws Exception {
    DatabaseKind.requireMariaDb();
    try (TestDatabase db = DatabaseKind.MARIADB.create(folder);
        ChildJvm a =
            ChildJvm.launch(
                "A",
                LateCompletionWorker.class,
                List.of(),
                db.spec(),
                folder.toString(),
                "blocking")) {
      assertThat(a.awaitLine("READY"::equals, 120_000)).as("A started").isTrue();
      try (Baton baton = db.open()) {
        WorkflowHandle<String> run = SlowClient.of(baton).start("late-across-jvms", "x");
        Path tokenA = folder.resolve("token-A");
        awaitFile(tokenA);
        String tokenOfA = Files.readString(tokenA);

        try (ChildJvm b =
            ChildJvm.launch(
                "B", LateCompletionWorker.class, List.of(), db.spec(), folder.toString(), "fast")) {
          assertThat(b.awaitLine("READY"::equals, 120_000)).as("B started").isTrue();
          // A still blocks: the workflow can only complete with B's attempt, after A's lease
          // expired (2 s of database time) and the retry was scheduled.
          assertThat(run.result(Duration.ofMinutes(2))).isEqualTo("result of attempt 2 from B");
          String tokenOfB = Files.readString(folder.resolve("token-B"));
          assertThat(tokenOfB).isNotEqualTo(tokenOfA);

          Files.writeString(folder.resolve("release"), "go");
          assertThat(a.awaitLine("A RELEASED"::equals, 60_000)).as("A released").isTrue();
          assertThat(
                  a.awaitLine(
                      line ->
                          line.contains("WARN")
                              && line.contains("not recorded")
                              && line.contains("no longer valid")
                              && line.contains(tokenOfA),
                      60_000))
              .as("A logged that its completion was rejected; A's output: %s", a.lines())
              .isTrue();
          assertThatThrownBy(() -> baton.activityCompletion().complete(tokenOfA, "late"))
              .isInstanceOf(ActivityLeaseLostException.class)
              .hasMessageContaining("no longer valid");

          List<HistoryEvent> history = baton.history("late-across-jvms");
          List<HistoryEvent> completions =
              history.stream().filter(e -> e.type().equals("ActivityTaskCompleted")).toList();
          assertThat(completions).hasSize(1);
          assertThat(completions.get(0).attributesJson()).contains("result of attempt 2 from B");
          assertThat(history.stream().map(HistoryEvent::attributesJson))
              .noneMatch(json -> json.contains("from A"));
          List<HistoryEvent> started =
              history.stream().filter(e -> e.type().equals("ActivityTaskStarted")).toList();
          assertThat(started).hasSize(1);
          String leaseOfB = tokenOfB.substring(tokenOfB.lastIndexOf(':') + 1);
          assertThat(started.get(0).attributesJson()).contains("\"attempt\":2").contains(leaseOfB);
          assertThat(db.queryLong("SELECT COUNT(*) FROM baton_activity_tasks")).isZero();
        }
      }
    }
  }

  private static void awaitFile(Path file) throws InterruptedException {
    for (int i = 0; i < 1200 && !Files.exists(file); i++) {
      Thread.sleep(50);
    }
    assertThat(file).as("written by the activity in A").exists();
  }
}
