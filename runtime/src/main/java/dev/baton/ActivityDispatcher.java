package dev.baton;

import java.util.List;

/**
 * Runs the activities of one {@link Activity} interface on an implementation object without
 * reflection. The annotation processor generates one per interface, nested in its stub as {@code
 * YStub.Dispatcher}, and the worker finds it by that name (or a sibling class named {@code
 * YDispatcher}); implement it by hand (or extend {@link AbstractActivityDispatcher}) to use Baton
 * without the processor.
 *
 * @param <T> the activity interface
 */
public interface ActivityDispatcher<T> {
  /** The annotated activity interface. */
  Class<T> activityInterface();

  /** The activities this interface declares, sorted by name. */
  List<ActivityType<?>> activityTypes();

  /**
   * Calls the activity named {@code activityType} on {@code activities} with already decoded
   * arguments and returns its result ({@code null} for {@code void}).
   */
  Object execute(T activities, String activityType, Object[] arguments) throws Exception;
}
