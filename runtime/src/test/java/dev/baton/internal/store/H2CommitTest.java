package dev.baton.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.TimeSource;
import dev.baton.internal.BatonFactory;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Transactions on embedded H2 end one at a time in a process. H2 2.5 can reopen a file, after the
 * process was killed while two connections were committing, with half of one transaction (see
 * {@link H2Dialect}); in Baton that was a history missing a workflow task's events.
 */
class H2CommitTest {
  private static final int THREADS = 4;
  private static final int TRANSACTIONS = 8;

  @Test
  void commitsOfConcurrentTransactionsDoNotOverlap(@TempDir Path folder) throws Exception {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL(BatonFactory.embeddedUrl(folder));
    h2.setUser("sa");
    ObservedCommits observed = new ObservedCommits();
    Database db = new Database(observed.wrap(h2), new H2Dialect(), TimeSource.database(), () -> {});
    db.transact(
        tx -> tx.dsl().execute("CREATE TABLE item (id INT PRIMARY KEY, worker INT NOT NULL)"));

    CyclicBarrier together = new CyclicBarrier(THREADS);
    ExecutorService threads = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int worker = t;
        done.add(
            threads.submit(
                () -> {
                  for (int i = 0; i < TRANSACTIONS; i++) {
                    together.await();
                    int id = worker * TRANSACTIONS + i;
                    db.transact(
                        tx -> tx.dsl().execute("INSERT INTO item VALUES (?, ?)", id, worker));
                  }
                  return null;
                }));
      }
      for (Future<?> future : done) {
        future.get();
      }
    } finally {
      threads.shutdownNow();
    }

    assertThat(observed.commits.get()).isGreaterThanOrEqualTo(THREADS * TRANSACTIONS);
    assertThat(observed.overlaps.get()).as("commits that overlapped another").isZero();
    assertThat(db.dsl().fetchCount(db.dsl().selectFrom("item"))).isEqualTo(THREADS * TRANSACTIONS);
  }

  /**
   * A data source whose connections count the commits that start while another is still running;
   * each commit takes a little while, so that unserialised ones do overlap.
   */
  private static final class ObservedCommits {
    final AtomicInteger commits = new AtomicInteger();
    final AtomicInteger overlaps = new AtomicInteger();
    private final AtomicInteger running = new AtomicInteger();

    DataSource wrap(DataSource dataSource) {
      return (DataSource)
          Proxy.newProxyInstance(
              DataSource.class.getClassLoader(),
              new Class<?>[] {DataSource.class},
              (proxy, method, arguments) -> {
                Object result = invoke(dataSource, method, arguments);
                return result instanceof Connection connection ? wrap(connection) : result;
              });
    }

    private Connection wrap(Connection connection) {
      return (Connection)
          Proxy.newProxyInstance(
              Connection.class.getClassLoader(),
              new Class<?>[] {Connection.class},
              (proxy, method, arguments) -> {
                if (!method.getName().equals("commit")) {
                  return invoke(connection, method, arguments);
                }
                commits.incrementAndGet();
                if (running.incrementAndGet() > 1) {
                  overlaps.incrementAndGet();
                }
                try {
                  Thread.sleep(20);
                  return invoke(connection, method, arguments);
                } finally {
                  running.decrementAndGet();
                }
              });
    }

    private static Object invoke(Object target, Method method, Object[] arguments)
        throws Throwable {
      try {
        return method.invoke(target, arguments);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }
  }
}
