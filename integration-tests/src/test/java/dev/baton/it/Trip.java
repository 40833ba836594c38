package dev.baton.it;

import dev.baton.Activity;
import dev.baton.ActivityCanceledException;
import dev.baton.ActivityContext;
import dev.baton.ActivityLeaseLostException;
import dev.baton.ActivityMethod;
import dev.baton.ApplicationFailure;
import dev.baton.Retry;
import dev.baton.Saga;
import dev.baton.Workflow;
import dev.baton.WorkflowFailure;
import dev.baton.WorkflowMethod;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A trip booked in three steps, undone by a saga when the last one fails or is cancelled. */
@Workflow(taskQueue = "trips")
public interface Trip {
  /**
   * Books a car, a hotel and {@code flight} ("flight-fails" fails for good, "flight-waits" runs
   * until cancelled, "flight-fails-badly" fails and so does the hotel's compensation); compensates
   * the bookings made when it fails.
   */
  @WorkflowMethod
  String plan(String flight, boolean parallelCompensation);

  /** What the bookings activities did, in this JVM, in order. */
  List<String> LOG = new CopyOnWriteArrayList<>();

  /** Bookings that a saga undoes. */
  @Activity
  interface Bookings {
    /** Books {@code what}. */
    @ActivityMethod(startToClose = "PT2M", heartbeat = "PT10S", retry = @Retry(maximumAttempts = 1))
    String book(String what);

    /** Cancels the booking of {@code what}. */
    @ActivityMethod(startToClose = "PT30S")
    void unbook(String what);
  }

  /** The bookings, logging what they do. */
  class BookingsImpl implements Bookings {
    @Override
    public String book(String what) {
      LOG.add("book " + what);
      if (what.startsWith("flight-fails")) {
        throw ApplicationFailure.newNonRetryableFailure("no seats left", "NoSeats");
      }
      if (what.equals("flight-waits")) {
        try {
          for (int i = 0; i < 600; i++) {
            ActivityContext.current().heartbeat(null);
            Thread.sleep(100);
          }
        } catch (ActivityCanceledException | ActivityLeaseLostException e) {
          return "given up";
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return what;
    }

    @Override
    public void unbook(String what) {
      LOG.add("unbook " + what);
      if (what.equals("hotel-sticky")) {
        throw ApplicationFailure.newNonRetryableFailure("the hotel keeps the booking", "Sticky");
      }
    }
  }

  /** The implementation. */
  class Impl implements Trip {
    private final Trip_BookingsStub bookings = Trip_BookingsStub.create();

    @Override
    public String plan(String flight, boolean parallelCompensation) {
      boolean badly = flight.equals("flight-fails-badly");
      Saga saga =
          new Saga(
              Saga.Options.newBuilder()
                  .parallelCompensation(parallelCompensation)
                  .continueWithError(badly)
                  .build());
      try {
        String car = bookings.book("car");
        saga.addCompensation(() -> bookings.unbook(car));
        String hotel = bookings.book(badly ? "hotel-sticky" : "hotel");
        saga.addCompensation(() -> bookings.unbook(hotel));
        bookings.book(flight);
        return "booked";
      } catch (WorkflowFailure e) {
        saga.compensate();
        throw e;
      }
    }
  }
}
