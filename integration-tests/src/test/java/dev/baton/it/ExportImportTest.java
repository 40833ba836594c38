package dev.baton.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.Baton;
import dev.baton.HistoryEvent;
import dev.baton.WorkflowStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run's history exported from one database (MariaDB or H2) imports into an embedded H2 one, where
 * a query replays it; bad imports are refused and store nothing.
 */
class ExportImportTest {
  @TempDir Path folder;
  @TempDir Path elsewhere;

  @AllDatabases
  void anExportedHistoryImportsOnH2AndReplays(DatabaseKind kind) throws Exception {
    String exported;
    List<HistoryEvent> original;
    try (TestDatabase db = kind.create(folder);
        Baton baton = db.open()) {
      baton.newWorker("inbox").registerWorkflow(Inbox.Impl.class).start();
      InboxClient inbox = InboxClient.of(baton);
      inbox.start("exported", 0L);
      inbox.add("exported", "hello");
      inbox.add("exported", "world");
      inbox.finish("exported");
      assertThat(inbox.result("exported", Duration.ofSeconds(30)))
          .containsExactly("hello", "world");
      exported = baton.exportHistory("exported");
      original = baton.history("exported");
    }
    assertThat(exported).startsWith("{\"format\":\"baton-history/1\"");

    try (TestDatabase h2 = DatabaseKind.H2.create(elsewhere);
        Baton baton = h2.open()) {
      baton.newWorker("inbox").registerWorkflow(Inbox.Impl.class).start();

      assertThat(baton.importHistory(exported)).isEqualTo("exported");

      assertThat(baton.describe("exported").status()).isEqualTo(WorkflowStatus.COMPLETED);
      assertThat(baton.history("exported")).isEqualTo(original);
      InboxClient inbox = InboxClient.of(baton);
      assertThat(inbox.count("exported")).as("a query replays the imported history").isEqualTo(2);
      assertThat(inbox.last("exported")).isEqualTo("world");
      assertThat(inbox.result("exported", Duration.ofSeconds(5))).containsExactly("hello", "world");

      Map<String, Long> before = h2.tableCounts();
      assertThatThrownBy(() -> baton.importHistory(exported))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("already has a run of workflow 'exported'");
      assertThatThrownBy(() -> baton.importHistory("{\"format\":\"other\"}"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("Not a Baton history export");
      assertThatThrownBy(() -> baton.importHistory("not json"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("Not JSON");
      String gap = exported.replace("\"eventId\":2,", "\"eventId\":3,");
      assertThatThrownBy(
              () ->
                  baton.importHistory(
                      gap.replace("\"workflowId\":\"exported\"", "\"workflowId\":\"x\"")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("Event ids must run 1, 2, 3");
      assertThat(h2.tableCounts()).isEqualTo(before);
    }
  }
}
