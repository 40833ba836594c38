package dev.baton.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.HistoryEvent;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Activity mocks: planned failures and retries, activities that never complete. */
class ActivityMockTest {
  private final TestWorkflowEnvironment env = TestWorkflowEnvironment.create();

  @AfterEach
  void close() {
    env.close();
  }

  /** A bank that charges and ships at once. */
  private static final class FakeBank implements Payments.Bank {
    @Override
    public String charge(int amount) {
      return "receipt-" + amount;
    }

    @Override
    public String ship(String parcel) {
      return "shipped " + parcel;
    }
  }

  private Payments_CheckoutClient start(ActivityMock<Payments.Bank> bank) {
    env.newWorker("payments")
        .registerWorkflow(Payments.CheckoutImpl.class)
        .registerActivities(bank.instance())
        .start();
    return Payments_CheckoutClient.of(env.baton());
  }

  private static List<String> types(List<HistoryEvent> history) {
    return history.stream().map(HistoryEvent::type).toList();
  }

  @Test
  void aMockThatFailsTwiceThenSucceedsTakesThreeAttemptsAllInHistory() {
    ActivityMock<Payments.Bank> bank =
        ActivityMock.of(Payments.Bank.class, new FakeBank()).failFirst(2, b -> b.charge(0));
    Payments_CheckoutClient checkout = start(bank);

    String result = checkout.start("order-1", 42).result();

    assertThat(result).isEqualTo("receipt-42, shipped parcel-42");
    assertThat(bank.calls(b -> b.charge(0))).isEqualTo(3);
    assertThat(bank.calls(b -> b.ship(null))).isEqualTo(1);
    List<HistoryEvent> history = env.history("order-1");
    assertThat(types(history)).filteredOn("ActivityTaskAttemptFailed"::equals).hasSize(2);
    assertThat(history)
        .filteredOn(e -> e.type().equals("ActivityTaskStarted"))
        .extracting(e -> e.attributesJson().contains("\"attempt\":3"))
        .contains(true);
    // The retry back-off (1 s, then 2 s) passed in virtual time.
    assertThat(env.currentTime())
        .isAfterOrEqualTo(TestEnvironmentOptions.DEFAULT_START_TIME.plusSeconds(3));
  }

  @Test
  void anActivityThatNeverCompletesTimesOutInVirtualTime() {
    ActivityMock<Payments.Bank> bank =
        ActivityMock.of(Payments.Bank.class, new FakeBank()).neverComplete(b -> b.ship(null));
    Payments_CheckoutClient checkout = start(bank);

    String result = checkout.start("order-2", 7).result();

    assertThat(result).startsWith("receipt-7, shipping failed:");
    assertThat(types(env.history("order-2"))).contains("ActivityTaskTimedOut");
    assertThat(env.currentTime())
        .isEqualTo(TestEnvironmentOptions.DEFAULT_START_TIME.plus(Duration.ofHours(1)));
    assertThat(bank.calls(b -> b.ship(null))).isEqualTo(1);
  }

  @Test
  void aLambdaCanBeTheBehaviourOfAOneMethodActivity() {
    ActivityMock<Timers.Journal> journal = ActivityMock.of(Timers.Journal.class, entry -> {});
    env.newWorker("timers")
        .registerWorkflow(Timers.SleeperImpl.class)
        .registerActivities(journal.instance())
        .start();

    Timers_SleeperClient.of(env.baton()).start("s", "s", List.of(1, 2)).result();

    assertThat(journal.calls(j -> j.note(null))).isEqualTo(2);
    assertThat(journal.calls()).isEqualTo(2);
  }

  @Test
  void badArgumentsAreRejectedClearly() {
    ActivityMock<Payments.Bank> bank = ActivityMock.of(Payments.Bank.class, new FakeBank());

    assertThatThrownBy(() -> ActivityMock.of(null, new FakeBank()))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("activityInterface");
    assertThatThrownBy(() -> ActivityMock.of(FakeBank.class, new FakeBank()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not an interface");
    assertThatThrownBy(() -> bank.failFirst(-1, b -> b.charge(0)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> bank.calls(b -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("called no method");
  }
}
