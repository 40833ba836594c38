package dev.baton.internal.workflow;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Runs a workflow's branches (the main method and any parallel branches) one at a time, in a fixed
 * order, so that the code behaves the same on every replay. Each branch has its own thread; only
 * the branch holding the baton runs, and it hands the baton back when it waits for a condition (a
 * promise, {@code Workflow.await}) or ends.
 */
final class DeterministicScheduler {
  private static final ThreadLocal<Branch> CURRENT = new ThreadLocal<>();

  private final String name;
  private final WorkflowInstance owner;
  private final List<Branch> branches = new ArrayList<>();
  private final Semaphore driver = new Semaphore(0);
  private volatile boolean destroyed;
  private volatile long replayProgress;
  private int branchCount;
  private long yields;
  private boolean priorityInserted;

  DeterministicScheduler(String name, WorkflowInstance owner) {
    this.name = name;
    this.owner = owner;
  }

  /** The branch running on this thread, or {@code null} outside workflow code. */
  static @Nullable Branch currentBranch() {
    return CURRENT.get();
  }

  WorkflowInstance owner() {
    return owner;
  }

  /**
   * Adds a branch running in {@code scope}; it first runs in the current or next {@link
   * #runUntilBlocked} pass.
   */
  void newBranch(String branchName, CancellationScopeImpl scope, Runnable body) {
    branches.add(new Branch(name + "-" + branchName + "-" + (++branchCount), scope, body));
  }

  /**
   * Adds a branch that runs before every branch that has already started, after earlier priority
   * branches: signal handlers run, in the order received, before the code that waits for them.
   */
  void newPriorityBranch(String branchName, CancellationScopeImpl scope, Runnable body) {
    int index = 0;
    while (index < branches.size() && branches.get(index).priority) {
      index++;
    }
    Branch branch = new Branch(name + "-" + branchName + "-" + (++branchCount), scope, body);
    branch.priority = true;
    branches.add(index, branch);
    priorityInserted = true;
  }

  /**
   * Runs every branch that can run, in creation order, until each one waits or has ended.
   *
   * @throws PotentialDeadlockException if a branch does not yield within {@code deadlockTimeout}
   */
  void runUntilBlocked(Duration deadlockTimeout) {
    priorityInserted = false; // branches added before this call are already in order
    boolean progress;
    do {
      progress = false;
      for (int i = 0; i < branches.size(); i++) {
        Branch branch = branches.get(i);
        if (branch.done || (branch.started && !branch.waitCondition.getAsBoolean())) {
          continue;
        }
        runOnce(branch, deadlockTimeout);
        progress = true;
        if (priorityInserted) {
          // A priority branch now stands before this one: start the pass again from the front.
          priorityInserted = false;
          break;
        }
      }
      branches.removeIf(b -> b.done);
    } while (progress && !destroyed);
  }

  private void runOnce(Branch branch, Duration deadlockTimeout) {
    if (!branch.started) {
      branch.started = true;
      WorkflowThreadFactory.start(branch.name, branch::run);
    } else {
      branch.permit.release();
    }
    boolean yielded;
    long progressSeen;
    do {
      // A branch replaying a long history on the fast path makes progress without yielding.
      progressSeen = replayProgress;
      try {
        yielded = driver.tryAcquire(deadlockTimeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while running workflow code", e);
      }
    } while (!yielded && replayProgress != progressSeen);
    if (!yielded) {
      StackTraceElement[] stack = branch.stackTrace();
      destroyed = true;
      branch.interrupt();
      throw new PotentialDeadlockException(branch.name, deadlockTimeout.toMillis(), stack);
    }
  }

  /** Called from a branch: hands the baton back until {@code condition} holds. */
  void await(BooleanSupplier condition) {
    Branch me = CURRENT.get();
    if (me == null || me.scheduler() != this) {
      throw new IllegalStateException(
          "Workflow code waited outside its own workflow thread; promises may only be awaited in"
              + " the workflow that created them");
    }
    while (!condition.getAsBoolean()) {
      if (destroyed) {
        throw new DestroyWorkflowThreadError();
      }
      if (owner.advanceReplayInline()) {
        replayProgress++;
        if (isOnlyLiveBranch()) {
          continue;
        }
        // The new segment started other branches (signal handlers): they run first, as they
        // would have when the driver delivered the segment, so hand the baton back.
      }
      yields++;
      me.waitCondition = condition;
      driver.release();
      me.permit.acquireUninterruptibly();
      if (destroyed) {
        throw new DestroyWorkflowThreadError();
      }
    }
  }

  /** Whether the calling branch is the only one that has not ended. */
  boolean isOnlyLiveBranch() {
    int live = 0;
    for (Branch branch : branches) {
      if (!branch.done && ++live > 1) {
        return false;
      }
    }
    return live == 1;
  }

  /** How many times branches handed the baton back while waiting. For tests. */
  long yields() {
    return yields;
  }

  /** Unwinds every branch thread, waiting up to a second for each. */
  void destroy() {
    destroyed = true;
    for (Branch branch : branches) {
      if (branch.started && !branch.done) {
        branch.permit.release();
        try {
          if (!driver.tryAcquire(1, TimeUnit.SECONDS)) {
            branch.interrupt();
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
    branches.clear();
  }

  /** One branch of workflow code on its own thread. */
  final class Branch {
    private final String name;
    private final Runnable body;
    private final Semaphore permit = new Semaphore(0);

    /**
     * Whether its thread was started: set by the driver, read by the driver and by {@link #destroy}
     * (after the driver's last pass), as the thread field was before threads were pooled.
     */
    private boolean started;

    /** The thread running the branch's code, while it runs it; guarded by this branch. */
    private @Nullable Thread thread;

    private BooleanSupplier waitCondition = () -> true;
    private volatile boolean done;
    private boolean priority;
    private CancellationScopeImpl scope;

    private Branch(String name, CancellationScopeImpl scope, Runnable body) {
      this.name = name;
      this.scope = scope;
      this.body = body;
    }

    /** The cancellation scope the branch's code runs in now. */
    CancellationScopeImpl scope() {
      return scope;
    }

    void setScope(CancellationScopeImpl scope) {
      this.scope = scope;
    }

    DeterministicScheduler scheduler() {
      return DeterministicScheduler.this;
    }

    /** Where the branch's code is now; empty when no thread runs it. */
    private synchronized StackTraceElement[] stackTrace() {
      return thread == null ? new StackTraceElement[0] : thread.getStackTrace();
    }

    /**
     * Interrupts the branch's thread while it runs the branch: a pooled thread that has gone on to
     * other work is left alone.
     */
    private synchronized void interrupt() {
      if (thread != null) {
        thread.interrupt();
      }
    }

    private void run() {
      synchronized (this) {
        thread = Thread.currentThread();
      }
      CURRENT.set(this);
      try {
        if (!destroyed) {
          body.run();
        }
      } catch (DestroyWorkflowThreadError | ContinueAsNewError e) {
        // Unwound on purpose.
      } catch (Throwable e) {
        owner.branchFailed(e);
      } finally {
        synchronized (this) {
          thread = null;
        }
        done = true;
        CURRENT.remove();
        driver.release();
      }
    }
  }
}
