package dev.baton.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A database of its own on the MariaDB server, dropped on close, as in the integration tests: the
 * test runs when a server answers at {@code -Dbaton.mysql.url} (default {@code
 * jdbc:mysql://127.0.0.1:3306/}, user root, no password), is skipped otherwise, and fails with
 * {@code -Dbaton.mysql=required} (CI) when none answers.
 */
final class MariaDbServer implements AutoCloseable {
  private final String database =
      "baton_testing_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

  private MariaDbServer() throws SQLException {
    try (Connection c = DriverManager.getConnection(url(""), user(), password());
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
    }
  }

  /** A fresh database; aborts (skips) the calling test when no server answers. */
  static MariaDbServer createOrSkip() throws SQLException {
    try (Connection c = DriverManager.getConnection(url(""), user(), password())) {
      c.isValid(5);
    } catch (SQLException e) {
      String reason = "no MariaDB/MySQL server reachable at " + url("") + ": " + e.getMessage();
      if ("required".equals(System.getProperty("baton.mysql"))) {
        throw new IllegalStateException(
            "MariaDB tests are required (-Dbaton.mysql=required) but " + reason, e);
      }
      System.out.println("SKIPPED MariaDB test: " + reason);
      Assumptions.abort(reason);
    }
    return new MariaDbServer();
  }

  /** The JDBC URL of this database. */
  String url() {
    return url(database);
  }

  static String user() {
    return System.getProperty("baton.mysql.user", "root");
  }

  static String password() {
    return System.getProperty("baton.mysql.password", "");
  }

  private static String url(String database) {
    String base = System.getProperty("baton.mysql.url", "jdbc:mysql://127.0.0.1:3306/");
    return base + database + "?useSSL=false&allowPublicKeyRetrieval=true&connectTimeout=5000";
  }

  @Override
  public void close() throws SQLException {
    try (Connection c = DriverManager.getConnection(url(""), user(), password());
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + database);
    }
  }
}
