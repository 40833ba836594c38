package dev.baton.internal.store;

import dev.baton.TimeSource;
import dev.baton.internal.BatonFactory;
import java.nio.file.Path;
import org.h2.jdbcx.JdbcDataSource;

/** An embedded H2 database in a folder, with Baton's schema, for the store's tests. */
final class MigratedH2 {
  private MigratedH2() {}

  /** A database in {@code folder}, migrated, on the database's clock. */
  static Database open(Path folder) {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL(BatonFactory.embeddedUrl(folder));
    h2.setUser("sa");
    Database db = new Database(h2, new H2Dialect(), TimeSource.database(), () -> {});
    db.migrate();
    return db;
  }
}
