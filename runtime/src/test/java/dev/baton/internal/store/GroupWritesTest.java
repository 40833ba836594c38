package dev.baton.internal.store;

import static dev.baton.internal.jooq.Tables.BATON_CURRENT_RUNS;
import static dev.baton.internal.jooq.Tables.BATON_HISTORY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.baton.WorkflowIdReusePolicy;
import dev.baton.WorkflowStatus;
import dev.baton.internal.history.Event;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A transaction that many runs share ({@link Tx#sharedByRuns}): their runs are locked by one
 * statement ({@link LockedRun#lockAll}), their history events and run updates are written only at
 * its end, and a run locked a second time reads what the transaction wrote for it before.
 */
class GroupWritesTest {
  private Database db;
  private WorkflowStore workflows;

  @BeforeEach
  void open(@TempDir Path folder) {
    db = MigratedH2.open(folder);
    workflows = new WorkflowStore(db, 50_000, 50L << 20);
  }

  private String start(String workflowId) {
    return workflows.startRun(
        workflowId,
        "Type",
        "queue",
        JsonNodeFactory.instance.nullNode(),
        workflowId + "-request",
        RunSettings.forStart(null, WorkflowIdReusePolicy.ALLOW_DUPLICATE, 0));
  }

  private long historyRows(Tx tx, String runId) {
    return tx.dsl().fetchCount(BATON_HISTORY, BATON_HISTORY.RUN_ID.eq(runId));
  }

  @Test
  void writesWaitForTheEndAndARunLockedAgainReadsThemFirst() {
    String a = start("a");
    String b = start("b");
    long eventsOfA = db.transact(tx -> historyRows(tx, a));

    db.transact(
        tx ->
            tx.sharedByRuns(
                List.of(a, b, "no-such-run"),
                () -> {
                  LockedRun first = LockedRun.lock(tx, a);
                  long firstId = first.append(new Event.TimerFired(1));
                  first.flush();
                  LockedRun other = LockedRun.lock(tx, b);
                  other.append(new Event.TimerFired(1));
                  other.flush();
                  assertThat(historyRows(tx, a)).as("a's event, deferred").isEqualTo(eventsOfA);

                  LockedRun again = LockedRun.lock(tx, a);
                  assertThat(historyRows(tx, a)).as("written first").isEqualTo(eventsOfA + 1);
                  assertThat(again.nextEventIdAtLock()).isEqualTo(firstId + 1);
                  assertThat(again.append(new Event.TimerFired(2))).isEqualTo(firstId + 1);
                  again.flush();
                  assertThat(LockedRun.lock(tx, "no-such-run")).isNull();
                  return null;
                }));

    long rowsOfA = db.transact(tx -> historyRows(tx, a));
    assertThat(rowsOfA).isEqualTo(eventsOfA + 2);
    assertThat(workflows.readHistory(a, 1))
        .extracting(event -> event.eventId())
        .containsExactlyElementsOf(
            java.util.stream.LongStream.rangeClosed(1, eventsOfA + 2).boxed().toList());
    long nextOfA = db.transact(tx -> LockedRun.lock(tx, a).nextEventIdAtLock());
    long nextOfB = db.transact(tx -> LockedRun.lock(tx, b).nextEventIdAtLock());
    assertThat(nextOfA).isEqualTo(eventsOfA + 3);
    assertThat(nextOfB).as("b's update, written at the end").isEqualTo(eventsOfA + 2);
  }

  private String currentStatus(Tx tx, String workflowId) {
    return tx.dsl()
        .select(BATON_CURRENT_RUNS.STATUS)
        .from(BATON_CURRENT_RUNS)
        .where(BATON_CURRENT_RUNS.WORKFLOW_ID.eq(workflowId))
        .fetchOne(BATON_CURRENT_RUNS.STATUS);
  }

  @Test
  void aCurrentRunClosedInTheTransactionIsWrittenBeforeAStartOfItsIdReadsIt() {
    String first = start("w");
    String closedOnly = start("x");

    String second =
        db.transact(
            tx ->
                tx.sharedByRuns(
                    List.of(first, closedOnly),
                    () -> {
                      LockedRun run = LockedRun.lock(tx, first);
                      WorkflowStore.close(tx, run, WorkflowStatus.COMPLETED, "\"done\"", null);
                      run.flush();
                      LockedRun other = LockedRun.lock(tx, closedOnly);
                      WorkflowStore.close(tx, other, WorkflowStatus.FAILED, null, "{}");
                      other.flush();
                      assertThat(currentStatus(tx, "w")).as("deferred").isEqualTo("RUNNING");

                      // A start of "w" in the same transaction sees its run closed: not a
                      // duplicate.
                      return WorkflowStore.insertRun(
                          tx,
                          "w",
                          "Type",
                          "queue",
                          JsonNodeFactory.instance.nullNode(),
                          "w-second",
                          RunSettings.forStart(null, WorkflowIdReusePolicy.ALLOW_DUPLICATE, 0));
                    }));

    assertThat(second).isNotEqualTo(first);
    assertThat(workflows.findCurrentRun("w").runId()).isEqualTo(second);
    String statusOfW = db.transact(tx -> currentStatus(tx, "w"));
    String statusOfX = db.transact(tx -> currentStatus(tx, "x"));
    assertThat(statusOfW).isEqualTo("RUNNING");
    assertThat(workflows.findRun(first).status()).isEqualTo(WorkflowStatus.COMPLETED);
    assertThat(statusOfX).as("written at the end").isEqualTo("FAILED");
  }
}
