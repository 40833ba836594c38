package dev.baton.internal.store;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DataSourceConnectionProvider;

/**
 * Hands out connections at READ COMMITTED, whatever the pool's default: MySQL's REPEATABLE READ
 * takes gap locks on claim scans and serves stale snapshots. Each is prepared by the dialect
 * ({@link Dialect#prepare}).
 */
final class ReadCommittedConnectionProvider extends DataSourceConnectionProvider {
  private final Dialect dialect;

  ReadCommittedConnectionProvider(DataSource dataSource, Dialect dialect) {
    super(dataSource);
    this.dialect = dialect;
  }

  @Override
  public Connection acquire() {
    Connection connection = super.acquire();
    try {
      if (connection.getTransactionIsolation() != Connection.TRANSACTION_READ_COMMITTED) {
        connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
      }
    } catch (SQLException e) {
      release(connection);
      throw new DataAccessException("Cannot set READ COMMITTED: " + e.getMessage(), e);
    }
    return dialect.prepare(connection);
  }
}
