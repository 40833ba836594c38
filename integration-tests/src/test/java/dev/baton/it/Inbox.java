package dev.baton.it;

import dev.baton.Query;
import dev.baton.Signal;
import dev.baton.Workflow;
import dev.baton.WorkflowMethod;
import dev.baton.Workflows;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Collects signalled messages until told to finish, for the signal and query tests. */
@Workflow(taskQueue = "inbox")
public interface Inbox {
  /**
   * Returns the messages received, in order, once {@code finish} arrives; or, when {@code patience}
   * is positive and nothing arrives within it, what it has with "(timed out)" appended.
   */
  @WorkflowMethod
  List<String> collect(long patienceMillis);

  /** A message. */
  @Signal
  void add(String message);

  /** Ends the collection. */
  @Signal
  void finish();

  /** How many messages arrived so far. */
  @Query
  int count();

  /** The last message, or a failure when there is none. */
  @Query
  String last();

  /** The implementation. */
  class Impl implements Inbox {
    private final List<String> messages = new ArrayList<>();
    private boolean finished;

    @Override
    public List<String> collect(long patienceMillis) {
      if (patienceMillis > 0) {
        if (!Workflows.await(Duration.ofMillis(patienceMillis), () -> finished)) {
          messages.add("(timed out)");
        }
      } else {
        Workflows.await(() -> finished);
      }
      return messages;
    }

    @Override
    public void add(String message) {
      messages.add(message);
    }

    @Override
    public void finish() {
      finished = true;
    }

    @Override
    public int count() {
      return messages.size();
    }

    @Override
    public String last() {
      if (messages.isEmpty()) {
        throw new IllegalStateException("no message yet");
      }
      return messages.get(messages.size() - 1);
    }
  }
}
