package dev.baton.internal.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;

/**
 * A private in-memory H2 database for one test environment, with Baton's schema: a pool for Baton
 * and one connection of its own for reading the engine's state. Dropped on close.
 */
public final class InMemoryDatabase implements AutoCloseable {
  private static final int MAX_CONNECTIONS = 64;

  private final JdbcConnectionPool pool;
  private final Connection probeConnection;

  private InMemoryDatabase(JdbcConnectionPool pool, Connection probeConnection) {
    this.pool = pool;
    this.probeConnection = probeConnection;
  }

  /** A new, empty database with a unique name. */
  public static InMemoryDatabase create() {
    // DB_CLOSE_DELAY=-1: the database lives until SHUTDOWN, not until its last connection closes.
    String url =
        "jdbc:h2:mem:baton-test-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000";
    JdbcDataSource source = new JdbcDataSource();
    source.setURL(url);
    source.setUser("sa");
    source.setPassword("");
    JdbcConnectionPool pool = JdbcConnectionPool.create(source);
    pool.setMaxConnections(MAX_CONNECTIONS);
    try {
      Connection probe = source.getConnection();
      SchemaTemplate.apply(probe);
      return new InMemoryDatabase(pool, probe);
    } catch (SQLException e) {
      pool.dispose();
      throw new IllegalStateException("Cannot open an in-memory H2 database", e);
    }
  }

  /** The pool Baton uses. */
  public DataSource dataSource() {
    return pool;
  }

  /** A connection of the environment's own, for reading the engine's state. */
  public Connection probeConnection() {
    return probeConnection;
  }

  @Override
  public void close() {
    try (Statement statement = probeConnection.createStatement()) {
      statement.execute("SHUTDOWN");
    } catch (SQLException e) {
      // Already gone.
    } finally {
      pool.dispose();
    }
  }
}
