package dev.baton.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The example of README's "Testing workflows" section, kept compiling and passing here. */
@BatonTest(workflows = Payments.CheckoutImpl.class)
class ReadmeExampleTest {
  /** A bank that answers at once. */
  static final class FakeBank implements Payments.Bank {
    @Override
    public String charge(int amount) {
      return "receipt-" + amount;
    }

    @Override
    public String ship(String parcel) {
      return "shipped " + parcel;
    }
  }

  @Test
  void chargesAfterTwoFailuresAndShips(
      TestWorkflowEnvironment env, Payments_CheckoutClient checkout) {
    ActivityMock<Payments.Bank> bank =
        ActivityMock.of(Payments.Bank.class, new FakeBank()).failFirst(2, b -> b.charge(0));
    env.newWorker("payments").registerActivities(bank.instance()).start();

    String result = checkout.start("order-1", 42).result(); // retry back-offs pass in virtual time

    assertThat(result).isEqualTo("receipt-42, shipped parcel-42");
    assertThat(bank.calls(b -> b.charge(0))).isEqualTo(3);
    assertThat(env.currentTime()).isAfter(TestEnvironmentOptions.DEFAULT_START_TIME);
  }

  @Test
  void shippingThatNeverAnswersTimesOutAfterAnHour(
      TestWorkflowEnvironment env, Payments_CheckoutClient checkout) {
    ActivityMock<Payments.Bank> bank =
        ActivityMock.of(Payments.Bank.class, new FakeBank()).neverComplete(b -> b.ship(null));
    env.newWorker("payments").registerActivities(bank.instance()).start();

    assertThat(checkout.start("order-2", 7).result()).contains("shipping failed");
    assertThat(env.currentTime())
        .isEqualTo(TestEnvironmentOptions.DEFAULT_START_TIME.plus(Duration.ofHours(1)));
  }

  @Test
  void recordedHistoriesStillReplay() {
    WorkflowReplayer.replayFolder(Path.of("src/test/resources/histories"), Orders.OrderImpl.class);
  }
}
