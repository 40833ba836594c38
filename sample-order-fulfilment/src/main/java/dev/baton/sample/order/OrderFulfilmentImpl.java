package dev.baton.sample.order;

import dev.baton.ActivityFailure;
import dev.baton.ActivityOptions;
import dev.baton.ApplicationFailure;
import dev.baton.CanceledFailure;
import dev.baton.CancellationScope;
import dev.baton.ChildWorkflowOptions;
import dev.baton.Promise;
import dev.baton.Saga;
import dev.baton.WorkflowFailure;
import dev.baton.Workflows;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;

/**
 * The order workflow: plain Java over the generated stubs. Every call is durable; after a crash the
 * run carries on after its last recorded step, without doing the earlier ones again.
 */
public class OrderFulfilmentImpl implements OrderFulfilment {
  private static final Logger log = Workflows.getLogger(OrderFulfilmentImpl.class);

  /** Who "decided" an approval that nobody answered. */
  private static final String NOBODY = "nobody";

  /** Failures that end the order with an outcome rather than failing the run. */
  private static final Map<String, Outcome> BUSINESS_FAILURES =
      Map.of(
          "InvalidOrder", Outcome.INVALID,
          "CardDeclined", Outcome.PAYMENT_DECLINED,
          "OutOfStock", Outcome.OUT_OF_STOCK);

  private final CatalogueStub catalogue = CatalogueStub.local();
  private final PaymentsStub payments = PaymentsStub.create();
  private final WarehousesStub warehouses = WarehousesStub.create();
  private final CarrierStub carrier = CarrierStub.create();
  private final ApprovalsStub approvals = ApprovalsStub.create();
  private final CustomersStub customers = CustomersStub.create();

  private final List<String> timeline = new ArrayList<>();
  private final List<String> compensations = new ArrayList<>();
  private String orderId = "";
  private Stage stage = Stage.RECEIVED;
  private @Nullable String trackingNumber;
  private @Nullable ManagerDecision decision;

  @Override
  public OrderOutcome fulfil(Order order) {
    orderId = order.orderId();
    FulfilmentPolicy policy = requirePolicy(order);
    progress(Stage.RECEIVED, "received " + order.lines() + " for " + order.customer());
    // Each step that succeeds registers how to undo it; compensate() undoes them, last first.
    Saga saga = new Saga(Saga.Options.newBuilder().continueWithError(true).build());
    String paymentId = null;
    try {
      Quote quote = catalogue.check(order);
      progress(Stage.PAYING, "checked: " + Money.format(quote.totalCents()));
      // Registered before the charge: a charge whose reply was lost may still have taken money.
      saga.addCompensation(() -> undo(payments.refund(orderId)));
      paymentId = payments.charge(orderId, order.paymentToken(), quote.totalCents());
      progress(Stage.RESERVING, "charged " + Money.format(quote.totalCents()) + " as " + paymentId);

      List<Reservation> reservations = reserveEverywhere(quote, saga);
      progress(Stage.RESERVING, "reserved stock in " + warehousesOf(reservations));

      if (policy.needsApproval(quote.totalCents())) {
        ManagerDecision answer = awaitApproval(order, quote, policy);
        if (!answer.approved()) {
          progress(Stage.COMPENSATING, answer.manager() + ": " + answer.note());
          saga.compensate();
          Outcome outcome =
              answer.manager().equals(NOBODY) ? Outcome.APPROVAL_TIMED_OUT : Outcome.REJECTED;
          return close(order, outcome, answer.note(), paymentId, List.of(), null);
        }
        progress(Stage.PACKING, "approved by " + answer.manager());
      }

      List<Parcel> parcels = pickAndPack(reservations);
      progress(Stage.SHIPPING, parcels.size() + " parcel(s) packed");
      Delivery delivery = shipAndTrack(order, parcels, policy);
      if (!delivery.delivered()) {
        String detail = "not delivered by the deadline";
        return close(order, Outcome.NOT_DELIVERED, detail, paymentId, parcels, delivery);
      }
      String to = order.address().name() + ", " + order.address().city();
      return close(order, Outcome.DELIVERED, "delivered to " + to, paymentId, parcels, delivery);
    } catch (ActivityFailure e) {
      Outcome outcome = BUSINESS_FAILURES.get(e.getCause().type());
      progress(Stage.COMPENSATING, e.getCause().originalMessage());
      saga.compensate();
      if (outcome == null) {
        throw e; // not a business outcome: the run fails, after compensating
      }
      return close(order, outcome, e.getCause().originalMessage(), paymentId, List.of(), null);
    } catch (CanceledFailure e) {
      progress(Stage.COMPENSATING, "order cancelled");
      saga.compensate(); // runs in a detached scope, so it works while the run is cancelled
      progress(Stage.CLOSED, "cancelled");
      throw e; // the run ends as CANCELLED
    } catch (WorkflowFailure e) {
      progress(Stage.COMPENSATING, e.getMessage());
      saga.compensate();
      throw e;
    }
  }

  @Override
  public void approve(ManagerDecision decision) {
    if (this.decision == null) {
      this.decision = decision;
    }
  }

  @Override
  public void reject(ManagerDecision decision) {
    approve(new ManagerDecision(false, decision.manager(), decision.note()));
  }

  @Override
  public OrderStatus status() {
    return new OrderStatus(orderId, stage, trackingNumber, List.copyOf(timeline));
  }

  private static FulfilmentPolicy requirePolicy(Order order) {
    if (order.policy() == null) {
      throw ApplicationFailure.newNonRetryableFailure(
          "order " + order.orderId() + " has no fulfilment policy", "InvalidOrder");
    }
    return order.policy();
  }

  /** Reserves in every warehouse at once; waits for all, so each success can be undone. */
  private List<Reservation> reserveEverywhere(Quote quote, Saga saga) {
    List<Promise<Reservation>> pending = new ArrayList<>();
    quote
        .linesByWarehouse()
        .forEach(
            (warehouse, lines) ->
                pending.add(
                    Workflows.async(
                        () -> {
                          Reservation r = warehouses.reserve(orderId, warehouse, lines);
                          saga.addCompensation(() -> release(r));
                          return r;
                        })));
    List<Reservation> reservations = new ArrayList<>();
    RuntimeException firstFailure = null;
    for (Promise<Reservation> reservation : pending) {
      try {
        reservations.add(reservation.get());
      } catch (RuntimeException e) {
        firstFailure = firstFailure == null ? e : firstFailure;
      }
    }
    if (firstFailure != null) {
      throw firstFailure;
    }
    return reservations;
  }

  private void release(Reservation reservation) {
    warehouses.release(reservation);
    undo("released " + reservation.lines() + " in " + reservation.warehouse());
  }

  /**
   * Waits for a manager: an {@code approve} or {@code reject} signal, or the manager completing the
   * approval activity's task token. Reminds the managers after a while and gives up later.
   */
  private ManagerDecision awaitApproval(Order order, Quote quote, FulfilmentPolicy policy) {
    progress(Stage.AWAITING_APPROVAL, "waiting for a manager: " + Money.format(quote.totalCents()));
    ApprovalRequest request = new ApprovalRequest(orderId, order.customer(), quote.totalCents());
    ApprovalsStub inbox =
        ApprovalsStub.create(
            ActivityOptions.newBuilder().startToClose(policy.cancelUnapprovedAfter()).build());
    CancellationScope asking =
        Workflows.newCancellationScope(
            () -> {
              try {
                approve(inbox.requestApproval(request)); // completed by token, from the web
              } catch (CanceledFailure e) {
                // answered by a signal, or given up on
              }
            });
    Workflows.async(asking::run);
    boolean answered = Workflows.await(policy.remindApproverAfter(), () -> decision != null);
    if (!answered) {
      approvals.remind(request);
      progress(
          Stage.AWAITING_APPROVAL,
          "no answer after " + policy.remindApproverAfter() + ", managers reminded");
      Duration rest = policy.cancelUnapprovedAfter().minus(policy.remindApproverAfter());
      answered = Workflows.await(rest, () -> decision != null);
    }
    asking.cancel(); // the manager's task is no longer needed
    if (!answered) {
      return ManagerDecision.reject(
          NOBODY, "no manager answered within " + policy.cancelUnapprovedAfter());
    }
    return decision;
  }

  /** One child workflow per warehouse, in parallel; each returns its parcel. */
  private List<Parcel> pickAndPack(List<Reservation> reservations) {
    List<Promise<Parcel>> packing = new ArrayList<>();
    for (Reservation reservation : reservations) {
      ChildWorkflowOptions options =
          ChildWorkflowOptions.newBuilder()
              .workflowId(orderId + "/pack-" + reservation.warehouse())
              .build();
      packing.add(PickAndPackChildStub.create(options).async().pack(reservation));
    }
    List<Parcel> parcels = new ArrayList<>();
    for (Promise<Parcel> parcel : packing) {
      parcels.add(parcel.get());
    }
    return parcels;
  }

  /** Hands the parcels to the carrier, mails the customer, and follows them to the door. */
  private Delivery shipAndTrack(Order order, List<Parcel> parcels, FulfilmentPolicy policy) {
    trackingNumber = carrier.ship(orderId, order.address(), parcels);
    progress(Stage.IN_TRANSIT, "shipped, tracking number " + trackingNumber);
    // Added while orders were running: runs recorded before this change replay without the mail
    // (getVersion gives them DEFAULT_VERSION), new runs record version 1 and send it.
    if (Workflows.getVersion("mail-tracking-number", Workflows.DEFAULT_VERSION, 1) >= 1) {
      customers.mailTrackingNumber(orderId, order.customer(), trackingNumber);
      progress(Stage.IN_TRANSIT, "mailed the tracking number to " + order.customer());
    }
    TrackingJob job =
        new TrackingJob(
            orderId,
            trackingNumber,
            policy.trackingInterval(),
            Workflows.currentTime().plus(policy.deliveryDeadline()),
            policy.pollsPerTrackingRun(),
            0,
            1);
    ChildWorkflowOptions options =
        ChildWorkflowOptions.newBuilder().workflowId(orderId + "/tracking").build();
    Delivery delivery = DeliveryTrackingChildStub.create(options).track(job);
    if (delivery.delivered()) {
      progress(
          Stage.DELIVERED, "delivered after " + delivery.polls() + " question(s) to the carrier");
    }
    return delivery;
  }

  private OrderOutcome close(
      Order order,
      Outcome outcome,
      String detail,
      @Nullable String paymentId,
      List<Parcel> parcels,
      @Nullable Delivery delivery) {
    progress(
        outcome == Outcome.DELIVERED ? Stage.DELIVERED : Stage.CLOSED, outcome + ": " + detail);
    return new OrderOutcome(
        order.orderId(), outcome, detail, paymentId, parcels, delivery, List.copyOf(compensations));
  }

  private void undo(String what) {
    compensations.add(what);
    log.info("{}: undone: {}", orderId, what);
  }

  private void progress(Stage stage, String what) {
    this.stage = stage;
    timeline.add(what);
    log.info("{}: {}", orderId, what);
  }

  private static Set<String> warehousesOf(List<Reservation> reservations) {
    return new TreeSet<>(reservations.stream().map(Reservation::warehouse).toList());
  }
}
