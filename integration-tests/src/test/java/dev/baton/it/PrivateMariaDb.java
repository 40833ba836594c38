package dev.baton.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A MariaDB server of a test's own: a fresh data folder made with {@code mariadb-install-db}, and
 * {@code mariadbd} run as a child process on a spare localhost port, so that the test can stop and
 * start it without touching the shared server. Root has no password.
 */
final class PrivateMariaDb implements AutoCloseable {
  private static final Path INSTALL_DB = Path.of("/usr/bin/mariadb-install-db");
  private static final Path SERVER = Path.of("/usr/sbin/mariadbd");

  private final Path folder;
  private final Path data;
  private final int port;
  private Process server;
  private int starts;

  private PrivateMariaDb(Path folder, int port) {
    this.folder = folder;
    this.data = folder.resolve("data");
    this.port = port;
  }

  /**
   * Installs a data folder in {@code folder} and starts the server. Skips the calling test, with
   * the reason printed, when MariaDB's programs are not installed (fails under {@code
   * -Dbaton.mysql=required}).
   */
  static PrivateMariaDb start(Path folder) throws Exception {
    for (Path program : List.of(INSTALL_DB, SERVER)) {
      if (!Files.isExecutable(program)) {
        String reason = program + " is not installed, so a private MariaDB server cannot run";
        if ("required".equals(System.getProperty("baton.mysql"))) {
          throw new IllegalStateException("MariaDB tests are required but " + reason);
        }
        System.out.println("SKIPPED private MariaDB test: " + reason);
        Assumptions.abort(reason);
      }
    }
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    PrivateMariaDb db = new PrivateMariaDb(folder, port);
    // Should the test JVM end without closing it, the server must not outlive it.
    Runtime.getRuntime().addShutdownHook(new Thread(db::close, "stop private MariaDB"));
    Files.createDirectories(folder);
    Process install =
        new ProcessBuilder(
                INSTALL_DB.toString(),
                "--no-defaults",
                "--datadir=" + db.data,
                "--user=root",
                "--auth-root-authentication-method=normal",
                "--skip-test-db")
            .redirectErrorStream(true)
            .redirectOutput(folder.resolve("install.log").toFile())
            .start();
    if (!install.waitFor(120, TimeUnit.SECONDS) || install.exitValue() != 0) {
      install.destroyForcibly();
      throw new IllegalStateException(
          "mariadb-install-db failed: "
              + Files.readString(folder.resolve("install.log"), StandardCharsets.UTF_8));
    }
    try {
      db.start();
    } catch (Exception | Error e) {
      db.close();
      throw e;
    }
    return db;
  }

  /** Starts the server on its port and data folder, and waits until it accepts connections. */
  synchronized void start() throws Exception {
    if (server != null && server.isAlive()) {
      throw new IllegalStateException("The private MariaDB server is running already");
    }
    starts++;
    server =
        new ProcessBuilder(
                SERVER.toString(),
                "--no-defaults",
                "--datadir=" + data,
                "--port=" + port,
                "--bind-address=127.0.0.1",
                "--socket=" + folder.resolve("sock"),
                "--user=root",
                "--pid-file=" + folder.resolve("pid"),
                "--skip-log-bin",
                "--innodb-buffer-pool-size=64M")
            .redirectErrorStream(true)
            .redirectOutput(folder.resolve("server-" + starts + ".log").toFile())
            .start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (true) {
      try (Connection c = DriverManager.getConnection(url(""), "root", "")) {
        if (c.isValid(5)) {
          return;
        }
      } catch (SQLException notYet) {
        if (!server.isAlive()) {
          throw new IllegalStateException(
              "mariadbd exited with " + server.exitValue() + ": " + log(), notYet);
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("mariadbd did not accept connections: " + log(), notYet);
        }
        Thread.sleep(200);
      }
    }
  }

  /** Kills the server with SIGKILL (a crash: InnoDB recovers on the next start). */
  synchronized void kill() throws InterruptedException {
    server.destroyForcibly();
    if (!server.waitFor(60, TimeUnit.SECONDS)) {
      throw new IllegalStateException("mariadbd did not exit within 60 s of SIGKILL");
    }
  }

  /** Stops the server with SIGTERM (a clean shutdown) and waits until it has exited. */
  synchronized void stop() throws InterruptedException {
    server.destroy();
    if (!server.waitFor(120, TimeUnit.SECONDS)) {
      server.destroyForcibly();
      server.waitFor(30, TimeUnit.SECONDS);
      throw new IllegalStateException("mariadbd did not stop within 120 s of SIGTERM");
    }
  }

  /** Creates a database on the server. */
  void createDatabase(String name) throws SQLException {
    try (Connection c = DriverManager.getConnection(url(""), "root", "");
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
    }
  }

  /** The JDBC URL of {@code database} on this server. */
  String url(String database) {
    return "jdbc:mysql://127.0.0.1:"
        + port
        + "/"
        + database
        + "?useSSL=false&allowPublicKeyRetrieval=true&connectTimeout=5000";
  }

  int port() {
    return port;
  }

  private String log() {
    try {
      return Files.readString(folder.resolve("server-" + starts + ".log"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  /** Stops the server if it runs, forcibly if it does not stop in time. */
  @Override
  public synchronized void close() {
    if (server == null || !server.isAlive()) {
      return;
    }
    server.destroy();
    try {
      if (!server.waitFor(60, TimeUnit.SECONDS)) {
        server.destroyForcibly();
        server.waitFor(30, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      server.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
