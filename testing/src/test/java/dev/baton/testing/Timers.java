package dev.baton.testing;

import dev.baton.Activity;
import dev.baton.ActivityMethod;
import dev.baton.Signal;
import dev.baton.Workflow;
import dev.baton.WorkflowMethod;
import dev.baton.Workflows;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Workflows for the virtual-time tests. */
public final class Timers {
  private Timers() {}

  /** Records which timer fired when, in the order the activity calls arrive. */
  @Activity
  public interface Journal {
    /** Notes {@code entry}. */
    @ActivityMethod(startToClose = "PT10S")
    void note(String entry);
  }

  /** A journal in memory. */
  public static final class MemoryJournal implements Journal {
    /** The entries, in order of arrival. */
    public final List<String> entries = new CopyOnWriteArrayList<>();

    @Override
    public void note(String entry) {
      entries.add(entry);
    }
  }

  /** Sleeps a series of durations, noting each wake-up with its virtual time. */
  @Workflow(taskQueue = "timers")
  public interface Sleeper {
    /** Sleeps {@code minutes} one after the other; returns the virtual time at the end. */
    @WorkflowMethod
    Instant sleep(String name, List<Integer> minutes);
  }

  /** The implementation. */
  public static class SleeperImpl implements Sleeper {
    private final Timers_JournalStub journal = Timers_JournalStub.create();

    @Override
    public Instant sleep(String name, List<Integer> minutes) {
      for (int m : minutes) {
        Workflows.sleep(Duration.ofMinutes(m));
        journal.note(name + "@" + Workflows.currentTime());
      }
      return Workflows.currentTime();
    }
  }

  /** Waits up to three days for an approval. */
  @Workflow(taskQueue = "timers")
  public interface Approval {
    /** Returns who approved, or {@code "timed out"} after three days. */
    @WorkflowMethod
    String await();

    /** Approves. */
    @Signal
    void approve(String who);
  }

  /** The implementation. */
  public static class ApprovalImpl implements Approval {
    private String approver;

    @Override
    public String await() {
      boolean approved = Workflows.await(Duration.ofDays(3), () -> approver != null);
      return approved ? "approved by " + approver : "timed out at " + Workflows.currentTime();
    }

    @Override
    public void approve(String who) {
      this.approver = who;
    }
  }
}
