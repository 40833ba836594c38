package dev.baton.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.ActivityLeaseLostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Completions waiting while others commit share one transaction; a member whose lease is lost is
 * left out without rolling back the rest; any other failure makes each member commit alone; a group
 * never mixes shard keys. Real threads on an embedded H2 database.
 */
class GroupCommitTest {
  private Database db;
  private GroupCommit groups;
  private final ExecutorService threads = Executors.newCachedThreadPool();

  @BeforeEach
  void open(@TempDir Path folder) {
    db = MigratedH2.open(folder); // a group locks its members' runs in baton_runs first
    db.transact(
        tx -> tx.dsl().execute("CREATE TABLE item (id VARCHAR(20) PRIMARY KEY, tx INT NOT NULL)"));
    groups = new GroupCommit(db, workflowId -> workflowId.substring(0, 1));
  }

  @AfterEach
  void close() {
    threads.shutdownNow();
  }

  @Test
  void completionsThatWaitWhileGroupsCommitShareOneTransaction() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    // Two completions hold both commit slots until released ...
    List<Future<Integer>> blockers = new ArrayList<>();
    for (String id : List.of("a-1", "a-2")) {
      blockers.add(submit(id, tx -> insert(tx, id, () -> await(release))));
    }
    waitUntil(() -> groups.groups() == 2);
    // ... so these three wait, and then commit in one group.
    List<Future<Integer>> waiting = new ArrayList<>();
    for (String id : List.of("a-3", "a-4", "a-5")) {
      waiting.add(submit(id, tx -> insert(tx, id, () -> {})));
    }
    waitUntil(() -> groups.waiting() == 3);
    release.countDown();

    List<Integer> transactions = new ArrayList<>();
    for (Future<Integer> done : waiting) {
      transactions.add(done.get(10, TimeUnit.SECONDS));
    }
    assertThat(transactions)
        .as("transaction of each waiting completion")
        .containsOnly(transactions.get(0));
    for (Future<Integer> done : blockers) {
      assertThat(done.get(10, TimeUnit.SECONDS)).isNotEqualTo(transactions.get(0));
    }
    assertThat(groups.groups()).isEqualTo(3);
    assertThat(groups.members()).isEqualTo(5);
    assertThat(rows()).containsExactlyInAnyOrder("a-1", "a-2", "a-3", "a-4", "a-5");
  }

  @Test
  void aMemberWhoseLeaseIsLostIsLeftOutAndTheOthersCommit() throws Exception {
    List<Future<Integer>> waiting =
        groupOf(
            List.of("a-1", "a-2", "a-3"),
            id ->
                tx -> {
                  if (id.equals("a-2")) {
                    throw new ActivityLeaseLostException("lease lost (test)");
                  }
                  return insert(tx, id, () -> {});
                });
    assertThat(waiting.get(0).get(10, TimeUnit.SECONDS))
        .isEqualTo(waiting.get(2).get(10, TimeUnit.SECONDS));
    assertThatThrownBy(() -> waiting.get(1).get(10, TimeUnit.SECONDS))
        .hasCauseInstanceOf(ActivityLeaseLostException.class);
    assertThat(rows()).containsExactlyInAnyOrder("a-1", "a-3");
    assertThat(groups.members() - groups.groups())
        .as("completions that shared a commit")
        .isEqualTo(2);
  }

  @Test
  void anyOtherFailureRollsTheGroupBackAndEachMemberCommitsAlone() throws Exception {
    List<Future<Integer>> waiting =
        groupOf(
            List.of("a-1", "a-2", "a-3"),
            id ->
                tx -> {
                  int transaction = insert(tx, id, () -> {});
                  if (id.equals("a-2")) {
                    throw new IllegalStateException("broken after writing (test)");
                  }
                  return transaction;
                });
    int first = waiting.get(0).get(10, TimeUnit.SECONDS);
    int third = waiting.get(2).get(10, TimeUnit.SECONDS);
    assertThat(first).as("each committed alone").isNotEqualTo(third);
    assertThatThrownBy(() -> waiting.get(1).get(10, TimeUnit.SECONDS))
        .hasCauseInstanceOf(IllegalStateException.class)
        .hasMessageContaining("broken after writing");
    assertThat(rows())
        .as("rows written once, the failed one's rolled back")
        .containsExactlyInAnyOrder("a-1", "a-3");
  }

  @Test
  void aGroupNeverSpansTwoShardKeys() throws Exception {
    List<Future<Integer>> waiting =
        groupOf(List.of("a-1", "b-1", "a-2", "b-2"), id -> tx -> insert(tx, id, () -> {}));
    List<Integer> transactions = new ArrayList<>();
    for (Future<Integer> done : waiting) {
      transactions.add(done.get(10, TimeUnit.SECONDS));
    }
    assertThat(transactions.get(0)).isEqualTo(transactions.get(2));
    assertThat(transactions.get(1)).isEqualTo(transactions.get(3));
    assertThat(transactions.get(0)).isNotEqualTo(transactions.get(1));
  }

  /**
   * Has {@code ids} commit {@code work} while both commit slots are held, so that they wait and
   * then commit together (per shard key); returns their futures, in the order of {@code ids}.
   */
  private List<Future<Integer>> groupOf(
      List<String> ids, Function<String, Function<Tx, Integer>> work) throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    List<Future<Integer>> blockers = new ArrayList<>();
    for (String id : List.of("z-1", "z-2")) {
      blockers.add(submit(id, tx -> insertNothing(() -> await(release))));
    }
    waitUntil(() -> groups.groups() == 2);
    List<Future<Integer>> waiting = new ArrayList<>();
    for (String id : ids) {
      waiting.add(submit(id, work.apply(id)));
    }
    waitUntil(() -> groups.waiting() == ids.size());
    release.countDown();
    for (Future<Integer> done : blockers) {
      done.get(10, TimeUnit.SECONDS);
    }
    return waiting;
  }

  private Future<Integer> submit(String id, Function<Tx, Integer> work) {
    return threads.submit(() -> groups.commit(id, id, work));
  }

  /** Inserts row {@code id} marked with the transaction, runs {@code then}; returns the mark. */
  private static int insert(Tx tx, String id, Runnable then) {
    int transaction = System.identityHashCode(tx);
    tx.dsl().execute("INSERT INTO item VALUES (?, ?)", id, transaction);
    then.run();
    return transaction;
  }

  private static int insertNothing(Runnable then) {
    then.run();
    return 0;
  }

  private List<String> rows() {
    return db.dsl().fetch("SELECT id FROM item").getValues(0, String.class);
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void waitUntil(java.util.function.BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition met within 10 s").isLessThan(deadline);
      Thread.sleep(5);
    }
  }
}
