package dev.baton.sample.order.crash;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A database of its own on the MariaDB/MySQL server at {@code -Dbaton.mysql.url} (default {@code
 * jdbc:mysql://127.0.0.1:3306/}, user root, no password), dropped on close. Where no server
 * answers, the test is skipped with the reason printed, or fails with {@code
 * -Dbaton.mysql=required} (as in CI), like the integration tests.
 */
final class MariaDbDatabase implements AutoCloseable {
  private final String name =
      "baton_sample_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);

  private MariaDbDatabase() throws SQLException {
    try (Connection c = DriverManager.getConnection(serverUrl(""), user(), password());
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
    }
  }

  /** A fresh database; skips (or fails, when required) the test if no server answers. */
  static MariaDbDatabase create() throws SQLException {
    try (Connection c = DriverManager.getConnection(serverUrl(""), user(), password())) {
      c.isValid(5);
    } catch (SQLException e) {
      String reason =
          "no MariaDB/MySQL server reachable at " + serverUrl("") + ": " + e.getMessage();
      if ("required".equals(System.getProperty("baton.mysql"))) {
        throw new IllegalStateException(
            "MariaDB tests are required (-Dbaton.mysql=required) but " + reason, e);
      }
      System.out.println("SKIPPED MariaDB test: " + reason);
      Assumptions.abort(reason);
    }
    return new MariaDbDatabase();
  }

  private static String serverUrl(String database) {
    String base = System.getProperty("baton.mysql.url", "jdbc:mysql://127.0.0.1:3306/");
    return base + database + "?useSSL=false&allowPublicKeyRetrieval=true&connectTimeout=5000";
  }

  /** The JDBC URL of this database. */
  String url() {
    return serverUrl(name);
  }

  static String user() {
    return System.getProperty("baton.mysql.user", "root");
  }

  static String password() {
    return System.getProperty("baton.mysql.password", "");
  }

  @Override
  public void close() throws SQLException {
    try (Connection c = DriverManager.getConnection(serverUrl(""), user(), password());
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name);
    }
  }
}
