package dev.baton;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Undoes completed steps of a workflow when a later one fails or the workflow is cancelled: each
 * step that succeeds registers its compensation, and {@link #compensate()} runs them in reverse
 * order, inside a detached cancellation scope, so they run even while the workflow is being
 * cancelled. Use it in workflow code only.
 *
 * <pre>{@code
 * Saga saga = new Saga(Saga.Options.newBuilder().build());
 * try {
 *   Payment payment = payments.charge(order);
 *   saga.addCompensation(() -> payments.refund(payment));
 *   Reservation reservation = warehouse.reserve(order);
 *   saga.addCompensation(() -> warehouse.release(reservation));
 *   shipping.ship(reservation);
 * } catch (WorkflowFailure e) {
 *   saga.compensate();
 *   throw e;
 * }
 * }</pre>
 */
public final class Saga {
  private final Options options;
  private final List<Runnable> compensations = new ArrayList<>();

  /** A saga that compensates one step at a time and stops at the first failing compensation. */
  public Saga() {
    this(Options.newBuilder().build());
  }

  /** A saga with {@code options}. */
  public Saga(Options options) {
    this.options = Objects.requireNonNull(options, "options");
  }

  /** Registers the compensation of a step that has just succeeded. */
  public void addCompensation(Runnable compensation) {
    compensations.add(Objects.requireNonNull(compensation, "compensation"));
  }

  /**
   * Runs the registered compensations, the last registered first (or all at once with {@link
   * Options.Builder#parallelCompensation}), in a detached cancellation scope.
   *
   * @throws CompensationException if a compensation failed: at once, or, with {@link
   *     Options.Builder#continueWithError}, after the others ran, with every failure suppressed in
   *     it
   */
  public void compensate() {
    List<RuntimeException> failures = new ArrayList<>();
    Workflows.newDetachedCancellationScope(() -> runCompensations(failures)).run();
    if (!failures.isEmpty()) {
      CompensationException failure =
          new CompensationException(
              failures.size() + " compensation(s) failed, the first with: " + failures.get(0),
              failures.get(0));
      failures.stream().skip(1).forEach(failure::addSuppressed);
      throw failure;
    }
  }

  private void runCompensations(List<RuntimeException> failures) {
    List<Runnable> reversed = new ArrayList<>(compensations);
    java.util.Collections.reverse(reversed);
    if (options.parallelCompensation) {
      List<Promise<Void>> running = new ArrayList<>();
      reversed.forEach(compensation -> running.add(Workflows.async(compensation)));
      for (Promise<Void> compensation : running) {
        try {
          compensation.get();
        } catch (RuntimeException e) {
          failures.add(e);
        }
      }
      return;
    }
    for (Runnable compensation : reversed) {
      try {
        compensation.run();
      } catch (RuntimeException e) {
        failures.add(e);
        if (!options.continueWithError) {
          return;
        }
      }
    }
  }

  /** A compensation failed; its failure is the cause. */
  public static final class CompensationException extends WorkflowFailure {
    private static final long serialVersionUID = 1L;

    CompensationException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** How a saga compensates. Immutable; build with {@link #newBuilder()}. */
  public static final class Options {
    private final boolean parallelCompensation;
    private final boolean continueWithError;

    private Options(Builder builder) {
      this.parallelCompensation = builder.parallelCompensation;
      this.continueWithError = builder.continueWithError;
    }

    /** A builder: sequential compensation that stops at the first failure. */
    public static Builder newBuilder() {
      return new Builder();
    }

    /** Builds {@link Options}. */
    public static final class Builder {
      private boolean parallelCompensation;
      private boolean continueWithError;

      private Builder() {}

      /** Runs the compensations as parallel branches instead of one after another. */
      public Builder parallelCompensation(boolean parallel) {
        this.parallelCompensation = parallel;
        return this;
      }

      /** Goes on with the other compensations after one fails. */
      public Builder continueWithError(boolean continueWithError) {
        this.continueWithError = continueWithError;
        return this;
      }

      /** The options. */
      public Options build() {
        return new Options(this);
      }
    }
  }
}
