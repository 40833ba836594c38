package dev.baton.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.baton.ActivityContext;
import dev.baton.Baton;
import dev.baton.HistoryEvent;
import dev.baton.WorkerOptions;
import dev.baton.WorkflowHandle;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLNonTransientConnectionException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A commit that succeeds but whose caller sees the connection break (the outcome is unknown) is
 * retried, and the retry recognises what the first try did: a start returns the run it created, a
 * workflow task or activity completion is not recorded twice, and the activities the first try
 * leased to the worker run at once. With Baton's optimisations on and off ({@link DispatchMode}).
 */
class UnknownCommitOutcomeTest {
  /** Commits on threads that a one-shot rule picks succeed, then report a lost connection. */
  static final class LostAfterCommit implements DataSource {
    private final DataSource delegate;
    private final List<Predicate<Thread>> rules = new CopyOnWriteArrayList<>();
    private final List<String> statementRules = new CopyOnWriteArrayList<>();
    final AtomicInteger injected = new AtomicInteger();

    LostAfterCommit(DataSource delegate) {
      this.delegate = delegate;
    }

    /** The next commit on a thread {@code victim} accepts is committed, then reported as lost. */
    void breakNextCommitOn(Predicate<Thread> victim) {
      rules.add(victim);
    }

    /**
     * The next commit of a transaction that prepared a statement containing {@code sql} is
     * committed, then reported as lost.
     */
    void breakNextCommitOfStatement(String sql) {
      statementRules.add(sql);
    }

    private boolean takeStatementRule(List<String> prepared) {
      for (String rule : statementRules) {
        if (prepared.stream().anyMatch(sql -> sql.contains(rule)) && statementRules.remove(rule)) {
          return true;
        }
      }
      return false;
    }

    private boolean takeRuleFor(Thread thread) {
      for (Predicate<Thread> rule : rules) {
        if (rule.test(thread) && rules.remove(rule)) {
          return true;
        }
      }
      return false;
    }

    @Override
    public Connection getConnection() throws SQLException {
      Connection real = delegate.getConnection();
      List<String> prepared = new CopyOnWriteArrayList<>(); // since the last commit
      return (Connection)
          Proxy.newProxyInstance(
              Connection.class.getClassLoader(),
              new Class<?>[] {Connection.class},
              (proxy, method, args) -> {
                Object result;
                try {
                  result = method.invoke(real, args);
                } catch (InvocationTargetException e) {
                  throw e.getCause();
                }
                if (method.getName().startsWith("prepare") && args[0] instanceof String sql) {
                  prepared.add(sql);
                }
                boolean lost =
                    method.getName().equals("commit")
                        && (takeRuleFor(Thread.currentThread()) || takeStatementRule(prepared));
                if (method.getName().equals("commit") || method.getName().equals("rollback")) {
                  prepared.clear();
                }
                if (lost) {
                  injected.incrementAndGet();
                  throw new SQLNonTransientConnectionException(
                      "Communications link failure after commit (simulated)", "08S01");
                }
                return result;
              });
    }

    @Override
    public Connection getConnection(String user, String password) {
      throw new UnsupportedOperationException();
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
      return delegate.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
      delegate.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
      delegate.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
      return delegate.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
      throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
      return delegate.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
      return delegate.isWrapperFor(type);
    }
  }

  private static final Fulfilment.Order ORDER =
      new Fulfilment.Order("o-1", List.of(new Fulfilment.Line("a", 2)), 300);

  @ParameterizedTest(name = "{0}, {1}")
  @MethodSource("dev.baton.it.DispatchMode#databasesAndModes")
  void retriedCommitsReturnTheFirstOutcome(
      DatabaseKind kind, DispatchMode mode, @TempDir Path folder) throws Exception {
    try (TestDatabase db = kind.create(folder);
        HikariDataSource pool = pool(db)) {
      LostAfterCommit dataSource = new LostAfterCommit(pool);
      try (Baton baton = Baton.connect(dataSource)) {
        Steps breaking =
            new StepsImpl() {
              @Override
              public String reserve(String orderId, List<Fulfilment.Line> lines) {
                breakMyNextCommit();
                return super.reserve(orderId, lines);
              }

              @Override
              public String charge(String orderId, int cents) {
                breakMyNextCommit();
                return super.charge(orderId, cents);
              }

              @Override
              public String ship(String orderId) {
                breakMyNextCommit();
                return super.ship(orderId);
              }

              /** The completion of this activity, next on this thread, is reported lost. */
              private void breakMyNextCommit() {
                Thread me = Thread.currentThread();
                dataSource.breakNextCommitOn(t -> t == me);
              }
            };
        baton
            .newWorker(
                "fulfilment",
                WorkerOptions.newBuilder()
                    .eagerDispatch(mode.eager())
                    .groupCommit(mode.groupCommit())
                    .build())
            .registerWorkflow(FulfilmentImpl.class)
            .registerActivities(breaking)
            .start();
        Thread self = Thread.currentThread();
        if (!mode.eager()) {
          dataSource.breakNextCommitOn(t -> t == self); // the start
        }
        // The first workflow task's commit: the handler threads' first commit. With eager
        // dispatch the start commits there too, with the task.
        dataSource.breakNextCommitOn(t -> t.getName().matches("baton-workflow-fulfilment-\\d+"));

        WorkflowHandle<Fulfilment.Receipt> run = FulfilmentClient.of(baton).start("lost-1", ORDER);

        assertThat(run.result(Duration.ofSeconds(60)))
            .isEqualTo(FulfilmentImpl.expectedReceipt(ORDER));
        // The start, the first workflow task (one commit when eager), three activity completions.
        assertThat(dataSource.injected).hasValue(mode.eager() ? 4 : 5);
        assertThat(db.queryLong("SELECT COUNT(*) FROM baton_runs")).isEqualTo(1);
        assertThat(baton.history("lost-1"))
            .extracting(HistoryEvent::type)
            .containsExactlyElementsOf(ExpectedHistory.THREE_ACTIVITIES);
      }
    }
  }

  /**
   * A timer's firing whose commit was reported lost: the retry finds the timer gone and records it
   * no second time; with eager dispatch, the firing committed the workflow task the timer woke and
   * leased its activity to the worker, and the retry has the worker run that activity at once
   * rather than after its lease (30 seconds) runs out.
   */
  @ParameterizedTest(name = "{0}, {1}")
  @MethodSource("dev.baton.it.DispatchMode#databasesAndModes")
  void timerFiringWhoseCommitWasReportedLostFiresOnce(
      DatabaseKind kind, DispatchMode mode, @TempDir Path folder) throws Exception {
    try (TestDatabase db = kind.create(folder);
        HikariDataSource pool = pool(db)) {
      LostAfterCommit dataSource = new LostAfterCommit(pool);
      try (Baton baton = Baton.connect(dataSource)) {
        Durable.Echo echo = n -> "echo " + n;
        baton
            .newWorker("durable", mode.workerOptions().build())
            .registerWorkflow(Durable.NapThenEchoImpl.class)
            .registerActivities(echo)
            .start();
        dataSource.breakNextCommitOfStatement("delete from baton_timers");

        WorkflowHandle<String> run = Durable_NapThenEchoClient.of(baton).start("nap", 1, 7);

        assertThat(run.result(Duration.ofSeconds(20))).isEqualTo("echo 7");
        assertThat(dataSource.injected).hasValue(1);
        List<String> types = baton.history("nap").stream().map(HistoryEvent::type).toList();
        assertThat(types).containsOnlyOnce("TimerFired");
        assertThat(types)
            .containsSubsequence(
                "TimerStarted",
                "TimerFired",
                "WorkflowTaskScheduled",
                "WorkflowTaskStarted",
                "WorkflowTaskCompleted",
                "ActivityTaskScheduled",
                "ActivityTaskStarted",
                "ActivityTaskCompleted");
        assertThat(types.stream().filter("WorkflowTaskStarted"::equals)).hasSize(3);
      }
    }
  }

  @AllDatabases
  void completionByTokenWhoseCommitWasReportedLostSucceeds(DatabaseKind kind, @TempDir Path folder)
      throws Exception {
    CompletableFuture<String> token = new CompletableFuture<>();
    CountDownLatch release = new CountDownLatch(1);
    try (TestDatabase db = kind.create(folder);
        HikariDataSource pool = pool(db)) {
      LostAfterCommit dataSource = new LostAfterCommit(pool);
      try (Baton baton = Baton.connect(dataSource)) {
        Slow.Work waiting =
            input -> {
              token.complete(ActivityContext.current().taskToken());
              try {
                release.await(60, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return "from the worker";
            };
        baton
            .newWorker("slow")
            .registerWorkflow(Slow.Impl.class)
            .registerActivities(waiting)
            .start();
        WorkflowHandle<String> run = SlowClient.of(baton).start("by-hand", "x");
        String taskToken = token.get(30, TimeUnit.SECONDS);

        Thread self = Thread.currentThread();
        dataSource.breakNextCommitOn(t -> t == self);
        baton.activityCompletion().complete(taskToken, "by hand"); // must not throw

        assertThat(dataSource.injected).hasValue(1);
        assertThat(run.result(Duration.ofSeconds(30))).isEqualTo("by hand");
        release.countDown();
      }
    }
  }

  private static HikariDataSource pool(TestDatabase db) {
    HikariConfig config = new HikariConfig();
    String[] jdbc = db.jdbc();
    config.setJdbcUrl(jdbc[0]);
    config.setUsername(jdbc[1]);
    config.setPassword(jdbc[2]);
    config.setMaximumPoolSize(8);
    return new HikariDataSource(config);
  }
}
