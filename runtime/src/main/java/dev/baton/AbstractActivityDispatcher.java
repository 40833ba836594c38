package dev.baton;

import java.util.List;
import java.util.Objects;

/**
 * An {@link ActivityDispatcher} that holds the activity interface and its activity types, so that a
 * subclass only calls the methods. Generated {@code YStub.Dispatcher}s extend it; a hand-written
 * dispatcher may too.
 *
 * @param <T> the activity interface
 */
public abstract class AbstractActivityDispatcher<T> implements ActivityDispatcher<T> {
  private final Class<T> activityInterface;
  private final List<ActivityType<?>> activityTypes;

  /**
   * A dispatcher for {@code activityInterface}, whose activities are {@code activityTypes}, sorted
   * by name.
   */
  protected AbstractActivityDispatcher(
      Class<T> activityInterface, ActivityType<?>... activityTypes) {
    this.activityInterface = Objects.requireNonNull(activityInterface, "activityInterface");
    this.activityTypes = List.of(activityTypes);
  }

  @Override
  public final Class<T> activityInterface() {
    return activityInterface;
  }

  @Override
  public final List<ActivityType<?>> activityTypes() {
    return activityTypes;
  }
}
