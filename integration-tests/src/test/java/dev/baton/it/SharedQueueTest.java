package dev.baton.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.Baton;
import dev.baton.HistoryEvent;
import dev.baton.WorkflowHandle;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/**
 * Workers with different activities may share a task queue: each claims only the activity types it
 * registered, so none takes, and fails, a task another worker should run.
 */
class SharedQueueTest {
  @TempDir Path folder;

  @AllDatabases
  void eachWorkerTakesOnlyTheActivitiesItHas(DatabaseKind kind) throws Exception {
    try (TestDatabase db = kind.create(folder);
        Baton baton = db.open()) {
      baton
          .newWorker("shared")
          .registerWorkflow(Shared.Impl.class)
          .registerActivities((Shared.Left) input -> input + "-left")
          .start();
      baton
          .newWorker("shared")
          .registerActivities((Shared.Right) input -> input + "-right")
          .start();
      SharedClient client = SharedClient.of(baton);

      List<WorkflowHandle<String>> runs = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        runs.add(client.start("shared-" + i, "order" + i));
      }

      for (int i = 0; i < runs.size(); i++) {
        assertThat(runs.get(i).result(Duration.ofSeconds(60)))
            .isEqualTo("order" + i + "-left-right");
        List<String> types = baton.history("shared-" + i).stream().map(HistoryEvent::type).toList();
        assertThat(types).doesNotContain("ActivityTaskAttemptFailed", "ActivityTaskFailed");
        assertThat(types).filteredOn("ActivityTaskCompleted"::equals).hasSize(2);
      }
    }
  }
}
