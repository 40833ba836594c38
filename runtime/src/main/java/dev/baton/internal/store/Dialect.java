package dev.baton.internal.store;

import java.sql.Connection;
import java.sql.SQLException;
import org.jooq.Field;
import org.jooq.SQLDialect;

/**
 * Everything that differs between the databases Baton runs on, in one place. jOOQ hides the rest.
 */
public interface Dialect {
  /** jOOQ's dialect. */
  SQLDialect jooqDialect();

  /** The Flyway location of this database's migrations. */
  String migrationLocation();

  /** An SQL expression for the database clock's current time in epoch milliseconds. */
  Field<Long> nowMillis();

  /**
   * Whether a failed statement may succeed when its transaction is run again: a deadlock, a lock
   * wait timeout, a serialisation conflict.
   */
  boolean isRetryable(SQLException exception);

  /** Whether the exception reports a duplicate primary or unique key. */
  boolean isDuplicateKey(SQLException exception);

  /**
   * The connection Baton works with: {@code connection} itself, or a wrapper around it that works
   * around a behaviour of this database.
   */
  default Connection prepare(Connection connection) {
    return connection;
  }
}
