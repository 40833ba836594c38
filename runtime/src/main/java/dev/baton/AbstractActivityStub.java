package dev.baton;

import org.jspecify.annotations.Nullable;

/**
 * The base of generated activity stubs ({@code YStub} and its {@code YStub.Async}): holds the
 * stub's options and starts each call, as an activity task or, for a stub made by {@code
 * YStub.local()}, as a local activity. The generated subclasses add one method per activity and the
 * activity type constants; like gRPC's generated stubs over {@code AbstractStub}, they stay thin.
 * Extend it to write a stub by hand, or call {@link Workflows#executeActivity} directly.
 */
public abstract class AbstractActivityStub {
  private final ActivityOptions options;
  private final @Nullable LocalActivityOptions localOptions;

  /**
   * A stub whose calls are activity tasks with {@code options} overriding what each activity
   * declares, or, when {@code localOptions} is set, local activities with those options.
   */
  protected AbstractActivityStub(
      ActivityOptions options, @Nullable LocalActivityOptions localOptions) {
    if (options == null) {
      throw new NullPointerException(
          "The stub's activity options are null: pass ActivityOptions, or call create() for the"
              + " options each activity declares");
    }
    this.options = options;
    this.localOptions = localOptions;
  }

  /**
   * {@code options}, given to a stub's {@code local(options)}: a stub made with null local options
   * would run its calls as activity tasks, not local activities.
   *
   * @throws NullPointerException when {@code options} is null
   */
  protected static LocalActivityOptions checkedLocalOptions(
      @Nullable LocalActivityOptions options) {
    if (options == null) {
      throw new NullPointerException(
          "local(options) was given null options: pass LocalActivityOptions, or call local() for"
              + " the options each activity declares");
    }
    return options;
  }

  /** A stub with the options of {@code stub}: its calls run as {@code stub}'s do. */
  protected AbstractActivityStub(AbstractActivityStub stub) {
    this(stub.options, stub.localOptions);
  }

  /**
   * Starts {@code type} as an activity task, or as a local activity for a stub with local options,
   * and returns a promise of its result.
   */
  protected final <R> Promise<R> call(ActivityType<R> type, Object @Nullable ... arguments) {
    return localOptions == null
        ? Workflows.executeActivityAsync(type, options, arguments)
        : Workflows.executeLocalActivityAsync(type, localOptions, arguments);
  }
}
