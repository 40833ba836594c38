package dev.baton.testing;

import dev.baton.Activity;
import dev.baton.ActivityContext;
import dev.baton.ActivityFailure;
import dev.baton.ActivityMethod;
import dev.baton.Query;
import dev.baton.Retry;
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

    /** Who approved so far, or {@code "nobody"}. */
    @Query
    String approver();
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

    @Override
    public String approver() {
      return approver == null ? "nobody" : approver;
    }
  }

  /** Asks a person, who answers later through the activity's task token. */
  @Activity
  public interface Inbox {
    /** Returns the answer to {@code question}; a person has up to a day. */
    @ActivityMethod(startToClose = "PT24H", retry = @Retry(maximumAttempts = 1))
    String ask(String question);
  }

  /** Files each question with its task token and returns without completing. */
  public static final class TokenInbox implements Inbox {
    /** The task tokens of the questions asked, in order. */
    public final List<String> tokens = new CopyOnWriteArrayList<>();

    @Override
    public String ask(String question) {
      ActivityContext context = ActivityContext.current();
      context.doNotCompleteOnReturn();
      tokens.add(context.taskToken());
      return null;
    }
  }

  /** Asks a question and returns the answer. */
  @Workflow(taskQueue = "timers")
  public interface Asking {
    /** Returns the answer, or {@code "no answer"} when nobody answered within a day. */
    @WorkflowMethod
    String ask(String question);
  }

  /** The implementation. */
  public static class AskingImpl implements Asking {
    private final Timers_InboxStub inbox = Timers_InboxStub.create();

    @Override
    public String ask(String question) {
      try {
        return inbox.ask(question);
      } catch (ActivityFailure e) {
        return "no answer by " + Workflows.currentTime();
      }
    }
  }

  /** Starts children that sleep, and adds up what they return. */
  @Workflow(taskQueue = "timers")
  public interface Parent {
    /** Starts one child per entry of {@code days}, each sleeping that many days. */
    @WorkflowMethod
    String run(List<Integer> days);
  }

  /** The implementation. */
  public static class ParentImpl implements Parent {
    @Override
    public String run(List<Integer> days) {
      List<dev.baton.Promise<Instant>> children = new java.util.ArrayList<>();
      for (int d : days) {
        children.add(
            Timers_SleeperChildStub.create().async().sleep("child-" + d, List.of(d * 24 * 60)));
      }
      StringBuilder ends = new StringBuilder();
      for (dev.baton.Promise<Instant> child : children) {
        ends.append(child.get()).append(' ');
      }
      return ends.toString().trim();
    }
  }
}
