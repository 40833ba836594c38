package dev.baton.bench;

import dev.baton.Baton;
import dev.baton.BatonOptions;
import dev.baton.internal.BatonFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A fresh database for one figure: a new database on the MariaDB server (dropped on close), or an
 * embedded H2 folder (deleted on close). Also reads the server's commit counters.
 */
abstract class BenchDb implements AutoCloseable {
  private static final AtomicInteger COUNT = new AtomicInteger();

  /** "MariaDB" or "H2". */
  abstract String kind();

  /** Opens Baton on this database, with Baton's own connection pool. */
  abstract Baton open();

  /** The JDBC URL Baton connects to, and the one the raw bound uses. */
  abstract String url();

  abstract String user();

  abstract String password();

  /** A plain JDBC connection for the harness's own reads. */
  Connection connect() throws SQLException {
    return DriverManager.getConnection(url(), user(), password());
  }

  /** The server status counters the figures use, in the order of {@link #COUNTERS}. */
  static final List<String> COUNTERS =
      List.of(
          "Com_commit",
          "Handler_commit",
          "Com_rollback",
          "Com_select",
          "Com_insert",
          "Com_update",
          "Com_delete",
          "Innodb_data_fsyncs",
          "Innodb_log_writes");

  /**
   * The server's counters ({@link #COUNTERS}, from {@code SHOW GLOBAL STATUS}), or null where the
   * database has none (H2).
   */
  long[] commitCounters() throws SQLException {
    return null;
  }

  @Override
  public abstract void close() throws SQLException;

  static BenchDb mariaDb(String serverUrl, String user, String password) throws SQLException {
    return new MariaDb(serverUrl, user, password);
  }

  static BenchDb h2(Path parent) {
    return new H2(parent.resolve("h2-" + COUNT.incrementAndGet()));
  }

  private static final class MariaDb extends BenchDb {
    private final String serverUrl;
    private final String user;
    private final String password;
    private final String database =
        "baton_bench_" + ProcessHandle.current().pid() + "_" + COUNT.incrementAndGet();

    MariaDb(String serverUrl, String user, String password) throws SQLException {
      this.serverUrl = serverUrl;
      this.user = user;
      this.password = password;
      try (Connection c = DriverManager.getConnection(serverUrl(""), user, password);
          Statement s = c.createStatement()) {
        s.execute("CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
      }
    }

    private String serverUrl(String db) {
      return serverUrl + db + "?useSSL=false&allowPublicKeyRetrieval=true&connectTimeout=5000";
    }

    @Override
    String kind() {
      return "MariaDB";
    }

    @Override
    Baton open() {
      return Baton.connect(url(), user, password, BatonOptions.getDefault());
    }

    @Override
    String url() {
      // As the integration tests connect (TestDatabase.MariaDb).
      return serverUrl(database) + "&rewriteBatchedStatements=true";
    }

    @Override
    String user() {
      return user;
    }

    @Override
    String password() {
      return password;
    }

    @Override
    long[] commitCounters() throws SQLException {
      long[] counters = new long[COUNTERS.size()];
      try (Connection c = connect();
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SHOW GLOBAL STATUS")) {
        while (rs.next()) {
          int index = COUNTERS.indexOf(rs.getString(1));
          if (index >= 0) {
            counters[index] = rs.getLong(2);
          }
        }
      }
      return counters;
    }

    @Override
    public void close() throws SQLException {
      try (Connection c = DriverManager.getConnection(serverUrl(""), user, password);
          Statement s = c.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS " + database);
      }
    }
  }

  private static final class H2 extends BenchDb {
    private final Path folder;

    H2(Path folder) {
      this.folder = folder;
    }

    @Override
    String kind() {
      return "H2";
    }

    @Override
    Baton open() {
      return Baton.embedded(folder, BatonOptions.getDefault());
    }

    @Override
    String url() {
      return BatonFactory.embeddedUrl(folder);
    }

    @Override
    String user() {
      return "sa";
    }

    @Override
    String password() {
      return "";
    }

    @Override
    public void close() {
      deleteTree(folder);
    }
  }

  /** Deletes {@code folder} and everything in it. */
  static void deleteTree(Path folder) {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> files = Files.walk(folder)) {
      files.sorted(Comparator.reverseOrder()).forEach(BenchDb::delete);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
