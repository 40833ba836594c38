package dev.baton.internal.testing;

import dev.baton.Baton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.h2.jdbcx.JdbcConnectionPool;
import org.jspecify.annotations.Nullable;

/**
 * Baton's schema as an H2 script, made once per JVM by letting the runtime migrate a scratch
 * in-memory database (so it is exactly what Flyway builds) and scripting it. Each test database
 * then runs the script, which takes a few milliseconds where Flyway takes a hundred or more.
 */
final class SchemaTemplate {
  private static @Nullable Path script;

  private SchemaTemplate() {}

  /** Creates Baton's tables in the empty database behind {@code connection}. */
  static void apply(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("RUNSCRIPT FROM '" + script().toString().replace("'", "''") + "'");
    }
  }

  private static synchronized Path script() throws SQLException {
    if (script == null) {
      script = create();
    }
    return script;
  }

  private static Path create() throws SQLException {
    String url = "jdbc:h2:mem:baton-template-" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    JdbcConnectionPool pool = JdbcConnectionPool.create(url, "sa", "");
    try {
      Baton.connect(pool).close(); // migrates
      Path file = Files.createTempFile("baton-schema-", ".sql");
      file.toFile().deleteOnExit();
      StringBuilder sql = new StringBuilder();
      try (Connection connection = pool.getConnection();
          Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery("SCRIPT NODATA")) {
        while (rows.next()) {
          sql.append(rows.getString(1)).append('\n');
        }
        statement.execute("SHUTDOWN");
      }
      Files.writeString(file, sql);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write Baton's schema script", e);
    } finally {
      pool.dispose();
    }
  }
}
