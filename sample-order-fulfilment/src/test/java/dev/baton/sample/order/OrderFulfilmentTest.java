package dev.baton.sample.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.ActivityLeaseLostException;
import dev.baton.WorkflowAlreadyStartedException;
import dev.baton.WorkflowFailedException;
import dev.baton.WorkflowHandle;
import dev.baton.WorkflowStatus;
import dev.baton.sample.order.systems.PaymentGateway;
import dev.baton.sample.order.systems.WarehouseFloor;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The order workflow's behaviour, one story per test, on the test harness: an in-memory database
 * and virtual time, so the real shop's days of waiting take milliseconds.
 */
class OrderFulfilmentTest {
  private ShopTestKit shop;

  @BeforeEach
  void openShop() {
    shop = ShopTestKit.open();
  }

  @AfterEach
  void closeShop() {
    shop.close();
  }

  private PaymentGateway payments() {
    return shop.systems().payments();
  }

  private WarehouseFloor warehouses() {
    return shop.systems().warehouses();
  }

  @Test
  void happyPath() {
    OrderOutcome outcome = shop.fulfil(TestOrders.small("order-happy"));

    assertThat(outcome.outcome()).isEqualTo(Outcome.DELIVERED);
    assertThat(outcome.paymentId()).isEqualTo("PAY-order-happy");
    assertThat(outcome.parcels())
        .containsExactly(new Parcel("PCL-order-happy-berlin", "berlin", 3, 1_350));
    assertThat(outcome.delivery().polls()).isEqualTo(ShopTestKit.CARRIER_QUESTIONS);
    assertThat(outcome.delivery().runs()).as("tracking continued as new once").isEqualTo(2);
    assertThat(outcome.compensations()).isEmpty();
    assertThat(payments().chargedFor("order-happy")).isEqualTo(3_480);
    assertThat(warehouses().stockOf("mug-blue")).isEqualTo(498);

    assertThat(shop.eventTypes("order-happy"))
        .containsOnlyOnce("WorkflowExecutionStarted", "WorkflowExecutionCompleted")
        .contains("ActivityTaskAttemptFailed", "MarkerRecorded", "ChildWorkflowExecutionCompleted");
    assertThat(shop.eventTypes("order-happy/tracking")).contains("TimerFired");
    assertThat(shop.desk().status("order-happy").stage()).isEqualTo(Stage.DELIVERED);
  }

  @Test
  void duplicateOrderIsRefusedByTheEngine() {
    shop.fulfil(TestOrders.small("order-twice"));

    assertThatThrownBy(() -> shop.place(TestOrders.small("order-twice")))
        .isInstanceOf(WorkflowAlreadyStartedException.class);
    assertThat(payments().chargedFor("order-twice")).isEqualTo(3_480);
  }

  @Test
  void approvalGrantedBySignal() throws Exception {
    WorkflowHandle<OrderOutcome> run = shop.place(TestOrders.large("order-big"));
    OrderStatus waiting = shop.awaitStage("order-big", Stage.AWAITING_APPROVAL);
    assertThat(waiting.timeline()).contains("reserved stock in [leeds, lyon]");

    shop.desk().approve("order-big", "dana");

    OrderOutcome outcome = run.result(Duration.ofSeconds(60));
    assertThat(outcome.outcome()).isEqualTo(Outcome.DELIVERED);
    assertThat(outcome.parcels()).extracting(Parcel::warehouse).containsExactly("leeds", "lyon");
    assertThat(shop.desk().status("order-big").timeline()).contains("approved by dana");
  }

  @Test
  void approvalGrantedByTheManagersTaskToken() throws Exception {
    WorkflowHandle<OrderOutcome> run = shop.place(TestOrders.large("order-token"));
    String token = shop.awaitApprovalToken("order-token");

    shop.desk().answer(token, ManagerDecision.approve("erin"));

    assertThat(run.result(Duration.ofSeconds(60)).outcome()).isEqualTo(Outcome.DELIVERED);
    assertThat(shop.desk().status("order-token").timeline()).contains("approved by erin");
    assertThatThrownBy(() -> shop.desk().answer(token, ManagerDecision.reject("frank", "no")))
        .as("a spent token")
        .isInstanceOf(ActivityLeaseLostException.class);
  }

  @Test
  void approvalRejectedUndoesEverything() throws Exception {
    WorkflowHandle<OrderOutcome> run = shop.place(TestOrders.large("order-no"));
    shop.awaitStage("order-no", Stage.AWAITING_APPROVAL);

    shop.desk().reject("order-no", "dana", "customer is over their credit limit");

    OrderOutcome outcome = run.result(Duration.ofSeconds(60));
    assertThat(outcome.outcome()).isEqualTo(Outcome.REJECTED);
    assertThat(outcome.detail()).isEqualTo("customer is over their credit limit");
    assertThat(outcome.compensations())
        .as("undone in reverse order: the reservations, then the payment")
        .hasSize(3)
        .endsWith("refunded 699.00 EUR");
    assertThat(payments().chargedFor("order-no")).isZero();
    assertThat(warehouses().stockOf("espresso-machine")).isEqualTo(50);
    assertThat(warehouses().stockOf("tea-green")).isEqualTo(1_000);
  }

  @Test
  void approvalTimingOutRemindsThenCancels() throws Exception {
    FulfilmentPolicy impatient =
        new FulfilmentPolicy(
            50_000,
            Duration.ofMillis(500),
            Duration.ofSeconds(2),
            Duration.ofMillis(200),
            Duration.ofSeconds(20),
            2);
    WorkflowHandle<OrderOutcome> run =
        shop.place(TestOrders.large("order-silent").withPolicy(impatient));
    String token = shop.awaitApprovalToken("order-silent");

    OrderOutcome outcome = run.result(Duration.ofSeconds(60));

    assertThat(outcome.outcome()).isEqualTo(Outcome.APPROVAL_TIMED_OUT);
    assertThat(outcome.detail()).isEqualTo("no manager answered within PT2S");
    assertThat(shop.desk().status("order-silent").timeline())
        .contains("no answer after PT0.5S, managers reminded");
    assertThat(shop.eventTypes("order-silent")).contains("TimerFired");
    assertThat(outcome.compensations()).endsWith("refunded 699.00 EUR");
    assertThat(warehouses().stockOf("espresso-machine")).isEqualTo(50);
    assertThatThrownBy(() -> shop.desk().answer(token, ManagerDecision.approve("late")))
        .as("a manager answering after the order was given up on")
        .isInstanceOf(ActivityLeaseLostException.class);
  }

  @Test
  void declinedPaymentIsRefundedAndFailsTheOrderCleanly() {
    OrderOutcome outcome = shop.fulfil(TestOrders.declined("order-declined"));

    assertThat(outcome.outcome()).isEqualTo(Outcome.PAYMENT_DECLINED);
    assertThat(outcome.detail()).isEqualTo("the card was declined");
    assertThat(outcome.paymentId()).isNull();
    assertThat(outcome.compensations())
        .as("the hold left by the timed-out first attempt is given back")
        .containsExactly("refunded 114.80 EUR");
    assertThat(payments().chargedFor("order-declined")).isZero();
    assertThat(shop.eventTypes("order-declined"))
        .containsOnlyOnce("ActivityTaskAttemptFailed", "ActivityTaskFailed")
        .doesNotContain("StartChildWorkflowExecutionInitiated");
    assertThat(shop.baton().describe("order-declined").status())
        .isEqualTo(WorkflowStatus.COMPLETED);
  }

  @Test
  void cancellationInTheMiddleUndoesWhatWasDone() throws Exception {
    WorkflowHandle<OrderOutcome> run = shop.place(TestOrders.large("order-cancel"));
    shop.awaitStage("order-cancel", Stage.AWAITING_APPROVAL);

    shop.desk().cancel("order-cancel");

    assertThatThrownBy(() -> run.result(Duration.ofSeconds(60)))
        .isInstanceOf(WorkflowFailedException.class)
        .hasMessageContaining("CANCELLED");
    assertThat(shop.baton().describe("order-cancel").status()).isEqualTo(WorkflowStatus.CANCELLED);
    assertThat(shop.desk().status("order-cancel").timeline()).endsWith("cancelled");
    assertThat(payments().chargedFor("order-cancel")).isZero();
    assertThat(warehouses().stockOf("espresso-machine")).isEqualTo(50);
    assertThat(shop.eventTypes("order-cancel"))
        .contains("WorkflowExecutionCancelRequested", "WorkflowExecutionCanceled");
  }

  @Test
  void warehouseOutOfStockReleasesTheOthersAndRefunds() {
    OrderOutcome outcome = shop.fulfil(TestOrders.outOfStock("order-lamp"));

    assertThat(outcome.outcome()).isEqualTo(Outcome.OUT_OF_STOCK);
    assertThat(outcome.detail()).isEqualTo("leeds has 0 of lamp-vintage, the order needs 1");
    assertThat(outcome.compensations())
        .containsExactly("released [3 x book-1984] in berlin", "refunded 167.70 EUR");
    assertThat(warehouses().stockOf("book-1984")).isEqualTo(500);
    assertThat(payments().chargedFor("order-lamp")).isZero();
  }

  @Test
  void invalidOrderIsRefusedBeforeAnythingHappens() {
    OrderOutcome outcome =
        shop.fulfil(TestOrders.order("order-odd", "tok_visa", new OrderLine("unicorn", 1)));

    assertThat(outcome.outcome()).isEqualTo(Outcome.INVALID);
    assertThat(outcome.detail()).endsWith("we do not sell unicorn");
    assertThat(outcome.compensations()).isEmpty();
  }

  @Test
  void parcelsNotDeliveredByTheDeadline() {
    Order lost =
        new Order(
            "order-lost",
            "alice@example.com",
            new Address("Alice Martin", "1 Coral Road", "00000", "Atlantis", "XX"),
            TestOrders.small("x").lines(),
            "tok_visa",
            new FulfilmentPolicy(
                50_000,
                Duration.ofSeconds(1),
                Duration.ofSeconds(30),
                Duration.ofMillis(200),
                Duration.ofSeconds(1),
                3));

    OrderOutcome outcome = shop.fulfil(lost);

    assertThat(outcome.outcome()).isEqualTo(Outcome.NOT_DELIVERED);
    assertThat(outcome.delivery().delivered()).isFalse();
    assertThat(outcome.delivery().polls()).isPositive();
  }
}
