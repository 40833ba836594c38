package dev.baton.internal.store;

import dev.baton.ActivityLeaseLostException;
import dev.baton.WorkflowAlreadyStartedException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Commits the completions that threads of this process make at the same moment in one transaction:
 * one commit (one log flush, one H2 store) for many workflows instead of one each.
 *
 * <p>No thread waits to fill a group. A thread that arrives while fewer than {@link
 * #MAX_CONCURRENT_GROUPS} groups are committing leads a group at once: the completions waiting
 * then, its own among them, up to {@link #MAX_GROUP_SIZE}, all of one shard key. The others wait
 * for their group's commit. So a lone completion commits as it did alone, and the busier the
 * process, the larger the groups.
 *
 * <p>Members run one after the other in the group's transaction, in run-id order, so that two
 * groups lock runs in the same order. The group's runs are locked by one statement first ({@link
 * LockedRun#lockAll}), and their history events and run updates written together at the end ({@link
 * GroupWrites}): one {@code INSERT} and one batch for the group. A member whose lease turned out
 * lost ({@link ActivityLeaseLostException}) or whose start found its workflow id taken ({@link
 * WorkflowAlreadyStartedException}), both thrown before it writes, is dropped and the rest commit:
 * the group is never rolled back for it. Any other failure rolls the group back, and each member
 * then runs in a transaction of its own, so that one member's failure is its own.
 *
 * <p>A group stays within one shard key ({@link dev.baton.BatonOptions#shardKey()}), so that no
 * transaction spans shards where workflow ids are sharded across databases.
 */
public final class GroupCommit implements Committer {
  /** The most completions one transaction commits. */
  static final int MAX_GROUP_SIZE = 32;

  /** The most groups of this process committing at once. */
  static final int MAX_CONCURRENT_GROUPS = 2;

  private final Database db;
  private final Function<String, String> shardKey;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition committed = lock.newCondition();
  private final ArrayDeque<Member<?>> waiting = new ArrayDeque<>();
  private final AtomicLong groups = new AtomicLong();
  private final AtomicLong members = new AtomicLong();
  private int committing;

  /** Groups over {@code db}; {@code shardKey} maps a workflow id to its shard. */
  public GroupCommit(Database db, Function<String, String> shardKey) {
    this.db = db;
    this.shardKey = shardKey;
  }

  @Override
  public <T> T commit(String workflowId, String runId, Function<Tx, T> work) {
    Member<T> me = new Member<>(shardKey.apply(workflowId), runId, work);
    lock.lock();
    try {
      waiting.add(me);
      while (!me.done) {
        if (committing < MAX_CONCURRENT_GROUPS && !waiting.isEmpty()) {
          List<Member<?>> group = takeGroup();
          committing++;
          lock.unlock();
          try {
            run(group);
          } finally {
            lock.lock();
            committing--;
            for (Member<?> member : group) {
              member.done = true;
            }
            committed.signalAll();
          }
        } else {
          committed.awaitUninterruptibly();
        }
      }
    } finally {
      lock.unlock();
    }
    return me.outcome();
  }

  /** Groups committed so far, for the benchmarks and tests. */
  public long groups() {
    return groups.get();
  }

  /** Completions committed so far in groups, for the benchmarks and tests. */
  public long members() {
    return members.get();
  }

  /** Completions waiting for a group, for tests. */
  int waiting() {
    lock.lock();
    try {
      return waiting.size();
    } finally {
      lock.unlock();
    }
  }

  /** The waiting completions of the first one's shard, oldest first, up to the group size. */
  private List<Member<?>> takeGroup() {
    List<Member<?>> group = new ArrayList<>();
    String shard = waiting.peekFirst().shard;
    for (Iterator<Member<?>> it = waiting.iterator();
        it.hasNext() && group.size() < MAX_GROUP_SIZE; ) {
      Member<?> member = it.next();
      if (member.shard.equals(shard)) {
        group.add(member);
        it.remove();
      }
    }
    // Stable: two completions of one run keep their order.
    group.sort(Comparator.comparing(member -> member.runId));
    return group;
  }

  private void run(List<Member<?>> group) {
    groups.incrementAndGet();
    members.addAndGet(group.size());
    if (group.size() == 1) {
      group.get(0).runAlone(db);
      return;
    }
    try {
      List<Outcome> outcomes =
          db.transact(
              tx ->
                  tx.sharedByRuns(
                      group.stream().map(member -> member.runId).toList(),
                      () -> {
                        List<Outcome> attempt = new ArrayList<>(group.size());
                        for (Member<?> member : group) {
                          try {
                            attempt.add(new Outcome(member.work.apply(tx), null));
                          } catch (ActivityLeaseLostException | WorkflowAlreadyStartedException e) {
                            attempt.add(new Outcome(null, e)); // wrote nothing: dropped alone
                          }
                        }
                        return attempt;
                      }));
      for (int i = 0; i < group.size(); i++) {
        group.get(i).outcome = outcomes.get(i);
      }
    } catch (RuntimeException groupFailed) {
      // One member's failure must stay its own: each runs again in a transaction of its own.
      for (Member<?> member : group) {
        member.runAlone(db);
      }
    }
  }

  /** What a member's work returned or threw. */
  private record Outcome(@Nullable Object value, @Nullable RuntimeException failure) {}

  /** One completion waiting for its group. */
  private static final class Member<T> {
    final String shard;
    final String runId;
    final Function<Tx, T> work;
    @Nullable Outcome outcome;
    boolean done;

    Member(String shard, String runId, Function<Tx, T> work) {
      this.shard = shard;
      this.runId = runId;
      this.work = work;
    }

    void runAlone(Database db) {
      try {
        outcome = new Outcome(db.transact(work), null);
      } catch (RuntimeException e) {
        outcome = new Outcome(null, e);
      }
    }

    @SuppressWarnings("unchecked")
    T outcome() {
      Outcome result = outcome;
      if (result == null) {
        throw new IllegalStateException("A group committed without recording this completion");
      }
      if (result.failure() != null) {
        throw result.failure();
      }
      return (T) result.value();
    }
  }
}
