package dev.baton.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.ActivityCanceledException;
import org.junit.jupiter.api.Test;

/** One activity run with a chosen context, no worker and no database. */
class TestActivityEnvironmentTest {
  @Test
  void aRetryResumesFromTheHeartbeatDetailsOfAnEarlierAttempt() throws Exception {
    TestActivityEnvironment env =
        TestActivityEnvironment.newBuilder().attempt(3).heartbeatDetails(5).build();

    String result = env.run(() -> new Payments.DownloaderImpl().download(8));

    assertThat(result).isEqualTo("attempt 3 downloaded 6..8");
    assertThat(env.heartbeats()).containsExactly(6, 7, 8);
  }

  @Test
  void aFirstAttemptStartsFromTheBeginning() throws Exception {
    TestActivityEnvironment env = TestActivityEnvironment.create();

    assertThat(env.run(() -> new Payments.DownloaderImpl().download(2)))
        .isEqualTo("attempt 1 downloaded 1..2");
  }

  @Test
  void aCancelRequestSurfacesAtTheNextHeartbeat() {
    TestActivityEnvironment env = TestActivityEnvironment.create();
    env.requestCancel();

    assertThatThrownBy(() -> env.run(() -> new Payments.DownloaderImpl().download(3)))
        .isInstanceOf(ActivityCanceledException.class);
    assertThat(env.heartbeats()).containsExactly(1);
  }

  @Test
  void badArgumentsAreRejectedClearly() {
    assertThatThrownBy(() -> TestActivityEnvironment.newBuilder().attempt(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TestActivityEnvironment.create().run(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("activity");
  }
}
