package dev.baton.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Which failures to open the embedded database are retried: those of another local process holding
 * the folder or taking it over (a retry connects through it), not others.
 */
class EmbeddedOpenRetryTest {

  @Test
  void losingTheRaceToTakeOverAsServerIsRetried() {
    // What H2 2.5 tells a process whose takeover of a dead server's folder another process won.
    RuntimeException lost =
        new RuntimeException(
            "Failed to initialize pool: Error opening database: \"Another process was faster\""
                + " [8000-252]");

    assertThat(BatonFactory.isTransientLock(lost)).isTrue();
    assertThat(
            BatonFactory.isTransientLock(
                new RuntimeException(
                    "Failed to initialize pool: Error opening database: \"Concurrent update\""
                        + " [8000-252]")))
        .isTrue();
  }

  @Test
  void aLockFileHeldByAnotherProcessIsRetried() {
    assertThat(
            BatonFactory.isTransientLock(
                new RuntimeException("Lock file recently modified [90020-252]")))
        .isTrue();
  }

  @Test
  void otherFailuresAreNot() {
    assertThat(
            BatonFactory.isTransientLock(
                new RuntimeException("Wrong user name or password [28000-252]")))
        .isFalse();
    assertThat(BatonFactory.isTransientLock(new RuntimeException((String) null))).isFalse();
  }
}
