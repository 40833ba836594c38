package dev.baton.internal.store;

import dev.baton.BatonException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/** Finds the {@link Dialect} of a database from its connection metadata. */
public final class Dialects {
  private static final Pattern MARIADB_VERSION = Pattern.compile("(\\d+)\\.(\\d+)[^-]*-MariaDB");

  private Dialects() {}

  /**
   * The dialect of the database behind {@code dataSource}.
   *
   * @throws BatonException if it cannot be reached or is not H2, MySQL 8+ or MariaDB 10.6+
   */
  public static Dialect detect(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      DatabaseMetaData meta = connection.getMetaData();
      String product = meta.getDatabaseProductName();
      String version = meta.getDatabaseProductVersion();
      if (product.equalsIgnoreCase("H2")) {
        return new H2Dialect();
      }
      Matcher mariaDb = MARIADB_VERSION.matcher(version);
      if (mariaDb.find() || product.equalsIgnoreCase("MariaDB")) {
        int[] v =
            mariaDb.find(0)
                ? new int[] {Integer.parseInt(mariaDb.group(1)), Integer.parseInt(mariaDb.group(2))}
                : new int[] {meta.getDatabaseMajorVersion(), meta.getDatabaseMinorVersion()};
        require(v[0] > 10 || (v[0] == 10 && v[1] >= 6), "MariaDB " + version, "MariaDB 10.6");
        return new MySqlDialect(true);
      }
      if (product.equalsIgnoreCase("MySQL")) {
        require(meta.getDatabaseMajorVersion() >= 8, "MySQL " + version, "MySQL 8.0");
        return new MySqlDialect(false);
      }
      throw new BatonException(
          "Baton runs on H2, MySQL 8+ and MariaDB 10.6+; this database is "
              + product
              + " "
              + version);
    } catch (SQLException e) {
      throw new BatonException("Cannot connect to Baton's database: " + e.getMessage(), e);
    }
  }

  private static void require(boolean ok, String found, String minimum) {
    if (!ok) {
      throw new BatonException(
          "Baton needs "
              + minimum
              + " or newer (for SELECT ... FOR UPDATE SKIP LOCKED); found "
              + found);
    }
  }
}
