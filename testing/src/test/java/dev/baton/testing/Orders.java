package dev.baton.testing;

import dev.baton.Activity;
import dev.baton.ActivityMethod;
import dev.baton.Signal;
import dev.baton.Workflow;
import dev.baton.WorkflowMethod;
import dev.baton.Workflows;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * An order workflow as recorded ({@link OrderImpl}) and four changes to it that break runs recorded
 * with it, for the replayer tests.
 */
public final class Orders {
  private Orders() {}

  /** The steps of an order. */
  @Activity
  public interface Steps {
    /** Reserves stock. */
    @ActivityMethod(startToClose = "PT10S")
    String reserve(String order);

    /** Reserves stock another way. */
    @ActivityMethod(startToClose = "PT10S")
    String reserveElsewhere(String order);

    /** Charges the customer. */
    @ActivityMethod(startToClose = "PT10S")
    String charge(String reservation);

    /** Tells the approver. */
    @ActivityMethod(startToClose = "PT10S")
    void notifyApprover(String approver);
  }

  /** Steps that succeed. */
  public static final class StepsImpl implements Steps {
    @Override
    public String reserve(String order) {
      return "reservation of " + order;
    }

    @Override
    public String reserveElsewhere(String order) {
      return "other reservation of " + order;
    }

    @Override
    public String charge(String reservation) {
      return "charged for " + reservation;
    }

    @Override
    public void notifyApprover(String approver) {}
  }

  /** An order. */
  @Workflow(taskQueue = "orders")
  public interface Order {
    /** Reserves, waits an hour, charges, waits for approval, notifies the approver. */
    @WorkflowMethod
    String fulfil(String order);

    /** Approves the order. */
    @Signal
    void approve(String approver);
  }

  /** The order as recorded. */
  public static class OrderImpl implements Order {
    /** The activities. */
    protected final Orders_StepsStub steps = Orders_StepsStub.create();

    /** Who approved, once someone has. */
    protected String approver;

    @Override
    public String fulfil(String order) {
      String reservation = steps.reserve(order);
      Workflows.sleep(Duration.ofHours(1));
      String charge = steps.charge(reservation);
      Workflows.await(() -> approver != null);
      steps.notifyApprover(approver);
      return charge + ", approved by " + approver;
    }

    @Override
    public void approve(String approver) {
      this.approver = approver;
    }
  }

  /** Reserves with a different activity. */
  public static class ActivitySwapped extends OrderImpl {
    @Override
    public String fulfil(String order) {
      String reservation = steps.reserveElsewhere(order);
      Workflows.sleep(Duration.ofHours(1));
      String charge = steps.charge(reservation);
      Workflows.await(() -> approver != null);
      steps.notifyApprover(approver);
      return charge + ", approved by " + approver;
    }
  }

  /** Waits five more minutes before charging. */
  public static class TimerAdded extends OrderImpl {
    @Override
    public String fulfil(String order) {
      String reservation = steps.reserve(order);
      Workflows.sleep(Duration.ofHours(1));
      Workflows.sleep(Duration.ofMinutes(5));
      String charge = steps.charge(reservation);
      Workflows.await(() -> approver != null);
      steps.notifyApprover(approver);
      return charge + ", approved by " + approver;
    }
  }

  /** No longer charges. */
  public static class ActivityRemoved extends OrderImpl {
    @Override
    public String fulfil(String order) {
      String reservation = steps.reserve(order);
      Workflows.sleep(Duration.ofHours(1));
      Workflows.await(() -> approver != null);
      steps.notifyApprover(approver);
      return reservation + ", approved by " + approver;
    }
  }

  /** Needs two approvals now: the signal handler collects them. */
  public static class SignalHandlerChanged extends OrderImpl {
    private final List<String> approvals = new ArrayList<>();

    @Override
    public String fulfil(String order) {
      String reservation = steps.reserve(order);
      Workflows.sleep(Duration.ofHours(1));
      String charge = steps.charge(reservation);
      Workflows.await(() -> approvals.size() >= 2);
      steps.notifyApprover(String.join(" and ", approvals));
      return charge + ", approved by " + approvals;
    }

    @Override
    public void approve(String approver) {
      approvals.add(approver);
    }
  }
}
