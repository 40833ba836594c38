package dev.baton.internal.store;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/** The embedded H2 2.x database. */
public final class H2Dialect implements Dialect {
  // H2 error codes, org.h2.api.ErrorCode.
  private static final int DEADLOCK = 40001;
  private static final int LOCK_TIMEOUT = 50200;
  private static final int CONCURRENT_UPDATE = 90131;

  /**
   * A row found through an index was deleted by a concurrent transaction before it was read; H2
   * reports it as a transient error, and the transaction succeeds when run again.
   */
  private static final int ROW_NOT_FOUND_IN_PRIMARY_INDEX = 90143;

  private static final int DUPLICATE_KEY = 23505;

  /**
   * Taken by every commit and rollback of this process's H2 connections, so that transactions end
   * one at a time.
   *
   * <p>[H2 2.5.252] A process killed while several of its connections end transactions can leave a
   * file that H2 reopens with part of a committed transaction. Baton's crash test met it as a run
   * whose history had lost a workflow task's events (started, completed, activity scheduled) while
   * the same transaction's {@code next_event_id} and activity task row survived, so the run could
   * no longer be replayed; the same kill left an index entry whose row was gone. A plain JDBC
   * reproduction (threads each inserting rows and updating a counter in one transaction, killed at
   * random) kept half a transaction about once in 20 kills; with transactions ending one at a time,
   * never in 120. Each end of a transaction that wrote also writes a store of the file, which can
   * catch another connection half way through its commit. With {@code WRITE_DELAY=0} every commit
   * writes a store and H2 writes one store at a time anyway, so taking turns costs little.
   */
  private static final ReentrantLock TRANSACTION_ENDS = new ReentrantLock();

  @Override
  public SQLDialect jooqDialect() {
    return SQLDialect.H2;
  }

  @Override
  public String migrationLocation() {
    return "classpath:dev/baton/db/h2";
  }

  @Override
  public Field<Long> nowMillis() {
    return DSL.field(
        "DATEDIFF('MILLISECOND', TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00',"
            + " CURRENT_TIMESTAMP(3))",
        SQLDataType.BIGINT);
  }

  @Override
  public boolean isRetryable(SQLException exception) {
    int code = exception.getErrorCode();
    return code == DEADLOCK
        || code == LOCK_TIMEOUT
        || code == CONCURRENT_UPDATE
        || code == ROW_NOT_FOUND_IN_PRIMARY_INDEX;
  }

  @Override
  public boolean isDuplicateKey(SQLException exception) {
    return exception.getErrorCode() == DUPLICATE_KEY;
  }

  /** {@code connection}, with its commits and rollbacks taking turns with those of the process. */
  @Override
  public Connection prepare(Connection connection) {
    return (Connection)
        Proxy.newProxyInstance(
            Connection.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, arguments) -> {
              if (!endsTransaction(method, arguments)) {
                return invoke(connection, method, arguments);
              }
              TRANSACTION_ENDS.lock();
              try {
                return invoke(connection, method, arguments);
              } finally {
                TRANSACTION_ENDS.unlock();
              }
            });
  }

  /**
   * Whether calling {@code method} may end a transaction that wrote: {@code commit()}, {@code
   * rollback()}, and {@code setAutoCommit(true)}, which commits a transaction still open.
   */
  private static boolean endsTransaction(Method method, Object[] arguments) {
    return switch (method.getName()) {
      case "commit" -> true;
      case "rollback" -> method.getParameterCount() == 0;
      case "setAutoCommit" -> Boolean.TRUE.equals(arguments[0]);
      default -> false;
    };
  }

  private static Object invoke(Connection connection, Method method, Object[] arguments)
      throws Throwable {
    try {
      return method.invoke(connection, arguments);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
