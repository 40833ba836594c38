package dev.baton.it;

import dev.baton.Baton;
import dev.baton.BatonOptions;
import dev.baton.internal.BatonFactory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A fresh, empty database for one test: an embedded H2 folder, or a new database on the MariaDB
 * server that {@link DatabaseKind#MARIADB} found (dropped on close).
 */
public abstract class TestDatabase implements AutoCloseable {
  /** Opens Baton on this database with default options. */
  public Baton open() {
    return open(BatonOptions.getDefault());
  }

  /** Opens Baton on this database. */
  public abstract Baton open(BatonOptions options);

  /** How a child JVM opens this database: pass it to {@link #openSpec}. */
  public abstract String spec();

  /** A JDBC URL for direct SQL, with its user and password. */
  abstract String[] jdbc();

  /** Opens Baton on the database a {@link #spec()} names. */
  public static Baton openSpec(String spec, BatonOptions options) {
    if (spec.startsWith("h2:")) {
      return Baton.embedded(Path.of(spec.substring(3)), options);
    }
    if (spec.startsWith("mysql:")) {
      return Baton.connect(spec.substring(6), MariaDb.user(), MariaDb.password(), options);
    }
    throw new IllegalArgumentException("Unknown database spec " + spec);
  }

  /** Row counts of every table, by lower-case table name. */
  public Map<String, Long> tableCounts() throws SQLException {
    Map<String, Long> counts = new TreeMap<>();
    for (String table : tables()) {
      counts.put(table.toLowerCase(), queryLong("SELECT COUNT(*) FROM " + quote(table)));
    }
    return counts;
  }

  /** The single number {@code sql} returns. */
  public long queryLong(String sql) throws SQLException {
    String[] jdbc = jdbc();
    try (Connection c = DriverManager.getConnection(jdbc[0], jdbc[1], jdbc[2]);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /**
   * The runs whose stored history does not hold exactly the events 1 to {@code next_event_id - 1}:
   * a database that kept only part of a commit (as H2 did after a kill) leaves such a run.
   */
  public List<String> runsWithMissingEvents() throws SQLException {
    String[] jdbc = jdbc();
    List<String> runs = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(jdbc[0], jdbc[1], jdbc[2]);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT r.run_id, r.next_event_id, COUNT(h.event_id), MAX(h.event_id)"
                    + " FROM baton_runs r LEFT JOIN baton_history h ON h.run_id = r.run_id"
                    + " GROUP BY r.run_id, r.next_event_id")) {
      while (rs.next()) {
        long last = rs.getLong(2) - 1;
        if (rs.getLong(3) != last || rs.getLong(4) != last) {
          runs.add(
              "run "
                  + rs.getString(1)
                  + ": next_event_id "
                  + rs.getLong(2)
                  + ", "
                  + rs.getLong(3)
                  + " events, the last "
                  + rs.getLong(4));
        }
      }
    }
    return runs;
  }

  abstract List<String> tables() throws SQLException;

  abstract String quote(String table);

  List<String> listTables(String sql) throws SQLException {
    String[] jdbc = jdbc();
    List<String> tables = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(jdbc[0], jdbc[1], jdbc[2]);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        tables.add(rs.getString(1));
      }
    }
    return tables;
  }

  @Override
  public void close() throws SQLException {}

  /** Embedded H2 in a folder. */
  static final class H2 extends TestDatabase {
    private final Path folder;

    H2(Path folder) {
      this.folder = folder.resolve("h2");
    }

    @Override
    public Baton open(BatonOptions options) {
      return Baton.embedded(folder, options);
    }

    @Override
    public String spec() {
      return "h2:" + folder;
    }

    @Override
    String[] jdbc() {
      return new String[] {BatonFactory.embeddedUrl(folder), "sa", ""};
    }

    @Override
    List<String> tables() throws SQLException {
      return listTables(
          "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'");
    }

    @Override
    String quote(String table) {
      return "\"" + table + "\"";
    }

    @Override
    public String toString() {
      return "H2";
    }
  }

  /** A database of its own on the MariaDB server. */
  static final class MariaDb extends TestDatabase {
    private final String database =
        "baton_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    MariaDb() throws SQLException {
      try (Connection c = DriverManager.getConnection(serverUrl(""), user(), password());
          Statement s = c.createStatement()) {
        s.execute("CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
      }
    }

    static String serverUrl(String database) {
      String base = System.getProperty("baton.mysql.url", "jdbc:mysql://127.0.0.1:3306/");
      return base + database + "?useSSL=false&allowPublicKeyRetrieval=true&connectTimeout=5000";
    }

    static String user() {
      return System.getProperty("baton.mysql.user", "root");
    }

    static String password() {
      return System.getProperty("baton.mysql.password", "");
    }

    @Override
    public Baton open(BatonOptions options) {
      return Baton.connect(url(), user(), password(), options);
    }

    String url() {
      return serverUrl(database) + "&rewriteBatchedStatements=true";
    }

    @Override
    public String spec() {
      return "mysql:" + url();
    }

    @Override
    String[] jdbc() {
      return new String[] {url(), user(), password()};
    }

    @Override
    List<String> tables() throws SQLException {
      return listTables(
          "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = '"
              + database
              + "'");
    }

    @Override
    String quote(String table) {
      return "`" + table + "`";
    }

    @Override
    public void close() throws SQLException {
      try (Connection c = DriverManager.getConnection(serverUrl(""), user(), password());
          Statement s = c.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS " + database);
      }
    }

    @Override
    public String toString() {
      return "MariaDB";
    }
  }
}
