package dev.baton.testing;

import dev.baton.Activity;
import dev.baton.ActivityContext;
import dev.baton.ActivityFailure;
import dev.baton.ActivityMethod;
import dev.baton.Retry;
import dev.baton.Workflow;
import dev.baton.WorkflowMethod;

/** Workflows and activities for the mock tests. */
public final class Payments {
  private Payments() {}

  /** Charges cards and ships parcels. */
  @Activity
  public interface Bank {
    /** Charges {@code amount}; retried up to five attempts, one second apart at first. */
    @ActivityMethod(
        startToClose = "PT30S",
        retry = @Retry(maximumAttempts = 5, initialInterval = "PT1S"))
    String charge(int amount);

    /** Ships; one attempt of at most one hour. */
    @ActivityMethod(startToClose = "PT1H", retry = @Retry(maximumAttempts = 1))
    String ship(String parcel);
  }

  /** Charges, then ships. */
  @Workflow(taskQueue = "payments")
  public interface Checkout {
    /** Returns the receipt and the shipment, or why shipping failed. */
    @WorkflowMethod
    String checkout(int amount);
  }

  /** The implementation. */
  public static class CheckoutImpl implements Checkout {
    private final Payments_BankStub bank = Payments_BankStub.create();

    @Override
    public String checkout(int amount) {
      String receipt = bank.charge(amount);
      try {
        return receipt + ", " + bank.ship("parcel-" + amount);
      } catch (ActivityFailure e) {
        return receipt + ", shipping failed: " + e.getMessage();
      }
    }
  }

  /** Downloads in chunks, heartbeating progress so a retry resumes. */
  @Activity
  public interface Downloader {
    /** Downloads chunks up to {@code chunks}; returns what this attempt did. */
    @ActivityMethod(startToClose = "PT1M", heartbeat = "PT10S")
    String download(int chunks);
  }

  /** The implementation. */
  public static final class DownloaderImpl implements Downloader {
    @Override
    public String download(int chunks) {
      ActivityContext context = ActivityContext.current();
      int from = context.heartbeatDetails(Integer.class).orElse(0) + 1;
      for (int chunk = from; chunk <= chunks; chunk++) {
        context.heartbeat(chunk);
      }
      return "attempt " + context.attempt() + " downloaded " + from + ".." + chunks;
    }
  }
}
