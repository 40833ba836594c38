package dev.baton.internal.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.Activity;
import org.junit.jupiter.api.Test;

/**
 * How a worker finds the dispatcher of a registered type by name. The processor's nested {@code
 * XClient.Dispatcher} and {@code YStub.Dispatcher} are found in the integration tests, which
 * compile with it.
 */
class RegistryTest {
  @Activity
  public interface Unprocessed {
    String shout(String text);
  }

  static final class UnprocessedImpl implements Unprocessed {
    @Override
    public String shout(String text) {
      return text.toUpperCase(java.util.Locale.ROOT);
    }
  }

  @Test
  void findsASiblingDispatcherWhenTheClientHasNone() {
    Registry registry = new Registry();

    registry.addWorkflow(Legacy.Impl.class);

    assertThat(registry.workflow("Legacy")).isNotNull();
  }

  @Test
  void namesTheGeneratedDispatcherItLookedFor() {
    Registry registry = new Registry();
    UnprocessedImpl activities = new UnprocessedImpl();

    assertThatThrownBy(() -> registry.addActivities(activities))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(
            "No generated dispatcher dev.baton.internal.worker.RegistryTest_UnprocessedStub"
                + ".Dispatcher for dev.baton.internal.worker.RegistryTest$Unprocessed");
  }
}
