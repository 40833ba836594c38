package dev.baton.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.SettableTimeSource;
import dev.baton.TimeSource;
import java.time.Duration;
import java.time.Instant;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * {@link Database#nowSince}: the time source's now told from a time it gave earlier, without asking
 * it again (what the workflow task of an activity's completion uses as its time).
 */
class DatabaseClockTest {

  @Test
  void timeSinceAnEarlierReadOfTheDatabaseClockIsNeverAheadOfIt() throws Exception {
    Database db = database("clock", TimeSource.database());
    long knownAt = db.transact(Tx::now);
    long knownAtNanos = System.nanoTime();
    Thread.sleep(50);

    long told = db.nowSince(knownAt, knownAtNanos);
    long read = db.transact(Tx::now);

    assertThat(told).as("the elapsed 50 ms are counted").isGreaterThanOrEqualTo(knownAt + 50);
    assertThat(told)
        .as("not ahead of the database's clock read after it")
        .isLessThanOrEqualTo(read);
  }

  @Test
  void aSettableSourceIsReadAsItIs() {
    SettableTimeSource clock = TimeSource.settable(Instant.parse("2026-01-01T00:00:00Z"));
    Database db = database("settable", clock);
    long knownAt = clock.nowMillis();
    long knownAtNanos = System.nanoTime();
    clock.advance(Duration.ofDays(30));

    assertThat(db.nowSince(knownAt, knownAtNanos))
        .isEqualTo(Instant.parse("2026-01-31T00:00:00Z").toEpochMilli());
  }

  private static Database database(String name, TimeSource timeSource) {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
    h2.setUser("sa");
    return new Database(h2, new H2Dialect(), timeSource, () -> {});
  }
}
