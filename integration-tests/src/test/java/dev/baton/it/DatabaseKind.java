package dev.baton.it;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Assumptions;

/**
 * The databases the tests run on. MariaDB tests run when a server answers at {@code
 * -Dbaton.mysql.url} (default {@code jdbc:mysql://127.0.0.1:3306/}, user root, no password); with
 * {@code -Dbaton.mysql=required}, as in CI, an unreachable server fails them instead of skipping.
 */
public enum DatabaseKind {
  /** Embedded H2. */
  H2,
  /** MariaDB (or MySQL) through Connector/J. */
  MARIADB;

  private static volatile String unreachable;
  private static volatile boolean checked;

  /** A fresh database of this kind; aborts (skips) the test when MariaDB is not reachable. */
  public TestDatabase create(Path folder) throws SQLException {
    if (this == H2) {
      return new TestDatabase.H2(folder);
    }
    requireMariaDb();
    return new TestDatabase.MariaDb();
  }

  /** Skips the calling test, with the reason printed, when no MariaDB server answers. */
  public static void requireMariaDb() {
    String reason = unreachableReason();
    if (reason != null) {
      if ("required".equals(System.getProperty("baton.mysql"))) {
        throw new IllegalStateException(
            "MariaDB tests are required (-Dbaton.mysql=required) but " + reason);
      }
      System.out.println("SKIPPED MariaDB test: " + reason);
      Assumptions.abort(reason);
    }
  }

  private static synchronized String unreachableReason() {
    if (!checked) {
      checked = true;
      try (Connection c =
          DriverManager.getConnection(
              TestDatabase.MariaDb.serverUrl(""),
              TestDatabase.MariaDb.user(),
              TestDatabase.MariaDb.password())) {
        c.isValid(5);
        unreachable = null;
      } catch (SQLException e) {
        unreachable =
            "no MariaDB/MySQL server reachable at "
                + TestDatabase.MariaDb.serverUrl("")
                + ": "
                + e.getMessage();
      }
    }
    return unreachable;
  }
}
