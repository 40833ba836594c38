package dev.baton.it;

import dev.baton.WorkerOptions;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The two ways a worker takes tasks and commits their outcomes, with Baton's optimisations on
 * ({@link dev.baton.WorkerOptions#eagerDispatch()}, {@link dev.baton.WorkerOptions#groupCommit()})
 * and off, so that the crash and contention suites run in both: every guarantee must hold in each.
 */
enum DispatchMode {
  /**
   * Tasks a worker schedules for itself are leased to it in the same commit, and completions share
   * commits with those of other workflows (the defaults).
   */
  EAGER(true),
  /** Every task waits in its queue for a claim, and every completion commits alone. */
  CLAIM(false);

  /** The system property that tells a child worker JVM its mode. */
  static final String PROPERTY = "baton.test.eagerDispatch";

  private final boolean eager;

  DispatchMode(boolean eager) {
    this.eager = eager;
  }

  /** Whether the mode dispatches eagerly. */
  boolean eager() {
    return eager;
  }

  /** Whether the mode groups completions into shared commits. */
  boolean groupCommit() {
    return eager;
  }

  /** Worker options in this mode, to add to. */
  WorkerOptions.Builder workerOptions() {
    return WorkerOptions.newBuilder().eagerDispatch(eager).groupCommit(groupCommit());
  }

  /** The JVM option that gives a child worker this mode. */
  String jvmOption() {
    return "-D" + PROPERTY + "=" + eager;
  }

  /** Every database with every mode, for {@code @MethodSource}. */
  static Stream<Arguments> databasesAndModes() {
    return Stream.of(DatabaseKind.values())
        .flatMap(kind -> Stream.of(values()).map(mode -> Arguments.of(kind, mode)));
  }

  /** In a child worker JVM: whether its parent asked for eager dispatch (the default). */
  static boolean eagerInThisJvm() {
    return Boolean.parseBoolean(System.getProperty(PROPERTY, "true"));
  }

  /** In a child worker JVM: whether its parent asked for group commit (the default). */
  static boolean groupCommitInThisJvm() {
    return eagerInThisJvm();
  }
}
