package dev.baton.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.List;

/**
 * A valid {@code @Activity} interface, everything its stub and dispatcher need.
 *
 * @param activityInterface the annotated interface
 * @param activities its activities, sorted by activity type name
 */
public record ActivityModel(ClassName activityInterface, List<ActivityMethodModel> activities) {

  /** Copies the list. */
  public ActivityModel {
    activities = List.copyOf(activities);
  }

  /** The generated stub, {@code YStub}. */
  public ClassName stubName() {
    return GeneratedNames.sibling(activityInterface, "Stub");
  }

  /** The generated dispatcher, {@code YStub.Dispatcher}. */
  public ClassName dispatcherName() {
    return stubName().nestedClass("Dispatcher");
  }
}
