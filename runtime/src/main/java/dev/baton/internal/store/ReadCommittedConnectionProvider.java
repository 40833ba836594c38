package dev.baton.internal.store;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DataSourceConnectionProvider;

/**
 * Hands out connections at READ COMMITTED, whatever the pool's default: MySQL's REPEATABLE READ
 * takes gap locks on claim scans and serves stale snapshots. Each is prepared by the dialect
 * ({@link Dialect#prepare}). A pooled connection found broken (the database restarted, or the
 * process serving an H2 folder died) is evicted, with the rest of the pool's idle connections, and
 * another one taken, so that a read after a failover does not fail on a connection that was dead
 * before it started.
 */
final class ReadCommittedConnectionProvider extends DataSourceConnectionProvider {
  private static final int MAX_ATTEMPTS = 3;

  private final Dialect dialect;

  ReadCommittedConnectionProvider(DataSource dataSource, Dialect dialect) {
    super(dataSource);
    this.dialect = dialect;
  }

  @Override
  public Connection acquire() {
    for (int attempt = 1; ; attempt++) {
      Connection connection = super.acquire();
      try {
        if (connection.getTransactionIsolation() != Connection.TRANSACTION_READ_COMMITTED) {
          connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        }
        return dialect.prepare(connection);
      } catch (SQLException e) {
        discard(connection);
        if (attempt >= MAX_ATTEMPTS || !Database.isConnectionFailure(e)) {
          throw new DataAccessException("Cannot set READ COMMITTED: " + e.getMessage(), e);
        }
      }
    }
  }

  /** Takes a broken connection out of the pool, and the pool's idle ones, which broke with it. */
  private void discard(Connection connection) {
    if (dataSource() instanceof HikariDataSource pool) {
      pool.evictConnection(connection);
      if (pool.getHikariPoolMXBean() != null) {
        pool.getHikariPoolMXBean().softEvictConnections();
      }
    } else {
      release(connection);
    }
  }
}
