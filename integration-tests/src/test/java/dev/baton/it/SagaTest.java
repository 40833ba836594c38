package dev.baton.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.Baton;
import dev.baton.WorkflowFailedException;
import dev.baton.WorkflowHandle;
import dev.baton.WorkflowStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;

/** The saga helper undoes completed steps in reverse order, also while being cancelled. */
class SagaTest {
  @TempDir Path folder;

  private static Baton withWorker(Baton baton) {
    baton
        .newWorker("trips")
        .registerWorkflow(Trip.Impl.class)
        .registerActivities(new Trip.BookingsImpl())
        .start();
    return baton;
  }

  @AllDatabases
  void aFailingThirdStepCompensatesTheFirstTwoInReverseOrder(DatabaseKind kind) throws Exception {
    try (TestDatabase db = kind.create(folder);
        Baton baton = withWorker(db.open())) {
      Trip.LOG.clear();
      WorkflowHandle<String> trip = TripClient.of(baton).start("trip", "flight-fails", false);

      assertThatThrownBy(() -> trip.result(Duration.ofSeconds(30)))
          .isInstanceOf(WorkflowFailedException.class)
          .hasMessageContaining("no seats left");
      assertThat(Trip.LOG)
          .containsExactly(
              "book car", "book hotel", "book flight-fails", "unbook hotel", "unbook car");
    }
  }

  @AllDatabases
  void compensationsRunWhileTheWorkflowIsBeingCancelled(DatabaseKind kind) throws Exception {
    try (TestDatabase db = kind.create(folder);
        Baton baton = withWorker(db.open())) {
      Trip.LOG.clear();
      WorkflowHandle<String> trip = TripClient.of(baton).start("trip", "flight-waits", false);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (!Trip.LOG.contains("book flight-waits")) {
        assertThat(System.nanoTime()).as("the third step runs").isLessThan(deadline);
        Thread.sleep(20);
      }

      trip.cancel();

      while (trip.status() == WorkflowStatus.RUNNING) {
        assertThat(System.nanoTime()).as("the run ends").isLessThan(deadline);
        Thread.sleep(20);
      }
      assertThat(trip.status()).isEqualTo(WorkflowStatus.CANCELLED);
      assertThat(Trip.LOG)
          .containsExactly(
              "book car", "book hotel", "book flight-waits", "unbook hotel", "unbook car");
    }
  }

  @AllDatabases
  void parallelCompensationRunsEveryCompensation(DatabaseKind kind) throws Exception {
    try (TestDatabase db = kind.create(folder);
        Baton baton = withWorker(db.open())) {
      Trip.LOG.clear();
      WorkflowHandle<String> trip = TripClient.of(baton).start("trip", "flight-fails", true);

      assertThatThrownBy(() -> trip.result(Duration.ofSeconds(30)))
          .isInstanceOf(WorkflowFailedException.class);
      assertThat(Trip.LOG.subList(3, Trip.LOG.size()))
          .containsExactlyInAnyOrder("unbook hotel", "unbook car");
    }
  }

  @AllDatabases
  void continueWithErrorRunsTheOtherCompensationsAfterOneFails(DatabaseKind kind) throws Exception {
    try (TestDatabase db = kind.create(folder);
        Baton baton = withWorker(db.open())) {
      Trip.LOG.clear();
      WorkflowHandle<String> trip = TripClient.of(baton).start("trip", "flight-fails-badly", false);

      assertThatThrownBy(() -> trip.result(Duration.ofSeconds(30)))
          .isInstanceOf(WorkflowFailedException.class)
          .hasMessageContaining("1 compensation(s) failed")
          .hasMessageContaining("the hotel keeps the booking");
      assertThat(Trip.LOG)
          .containsExactly(
              "book car",
              "book hotel-sticky",
              "book flight-fails-badly",
              "unbook hotel-sticky",
              "unbook car");
    }
  }
}
