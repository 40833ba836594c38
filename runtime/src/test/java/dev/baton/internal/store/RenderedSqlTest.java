package dev.baton.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.TimeSource;
import java.util.Arrays;
import java.util.List;
import org.h2.jdbcx.JdbcDataSource;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link RenderedSql}: a statement jOOQ renders once, run again with new values. */
class RenderedSqlTest {
  private static final Table<?> ITEMS = DSL.table(DSL.name("items"));
  private static final Field<String> ID = DSL.field(DSL.name("id"), SQLDataType.VARCHAR);
  private static final Field<Long> SIZE = DSL.field(DSL.name("size"), SQLDataType.BIGINT);
  private static final Field<String> NOTE = DSL.field(DSL.name("note"), SQLDataType.VARCHAR);

  private static final RenderedSql INSERT =
      new RenderedSql(
          "insert item",
          List.of("\u0001id", 1_000_001L, "\u0001note"),
          tx ->
              tx.dsl()
                  .insertInto(ITEMS)
                  .columns(ID, SIZE, NOTE)
                  .values("\u0001id", 1_000_001L, "\u0001note"));

  private static final RenderedSql SELECT =
      new RenderedSql(
          "select item",
          List.of("\u0001id"),
          tx -> tx.dsl().select(SIZE, NOTE).from(ITEMS).where(ID.eq("\u0001id")));

  private Database db;

  @BeforeEach
  void createTable(org.junit.jupiter.api.TestInfo test) {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:rendered-" + test.getDisplayName().hashCode() + ";DB_CLOSE_DELAY=-1");
    h2.setUser("sa");
    db = new Database(h2, new H2Dialect(), TimeSource.database(), () -> {});
    db.transact(
        tx ->
            tx.dsl()
                .execute(
                    "CREATE TABLE IF NOT EXISTS items"
                        + " (id VARCHAR(20) PRIMARY KEY, size BIGINT, note VARCHAR(20))"));
  }

  private Long size(String id) {
    return db.transact(tx -> SELECT.<Long>queryOne(tx, row -> row.getLong(1), id));
  }

  private String note(String id) {
    return db.transact(tx -> SELECT.<String>queryOne(tx, row -> row.getString(2), id));
  }

  @Test
  void runsWithTheValuesGivenEachTimeNullsIncluded() {
    db.transact(tx -> INSERT.update(tx, "a", 1L, "first"));
    db.transact(tx -> INSERT.update(tx, "b", 2L, null));

    assertThat(size("b")).isEqualTo(2L);
    assertThat(note("a")).isEqualTo("first");
    assertThat(note("b")).isNull();
    assertThat(size("none")).as("no row").isNull();
  }

  @Test
  void runsInTheTransactionOnItsConnection() {
    assertThatThrownBy(
            () ->
                db.transact(
                    tx -> {
                      INSERT.update(tx, "a", 1L, "rolled back");
                      assertThat(
                              tx.dsl().fetchValue(DSL.select(SIZE).from(ITEMS).where(ID.eq("a"))))
                          .as("jOOQ in the same transaction sees the row")
                          .isEqualTo(1L);
                      throw new IllegalStateException("roll back");
                    }))
        .hasMessage("roll back");

    assertThat(size("a")).as("rolled back with the transaction").isNull();
  }

  @Test
  void aDuplicateKeyIsReportedAsJooqReportsIt() {
    db.transact(tx -> INSERT.update(tx, "a", 1L, "first"));

    assertThatThrownBy(() -> db.transact(tx -> INSERT.update(tx, "a", 2L, "again")))
        .isInstanceOfSatisfying(
            DataAccessException.class, e -> assertThat(db.isDuplicateKey(e)).isTrue())
        .hasMessageContaining("insert item");
    assertThat(size("a")).isEqualTo(1L);
  }

  @Test
  void aStatementThatDoesNotBindItsPlaceholdersInOrderIsRefused() {
    RenderedSql swapped =
        new RenderedSql(
            "swapped",
            List.of(1_000_001L, "\u0001id"),
            tx -> tx.dsl().update(ITEMS).set(SIZE, 1_000_001L).where(ID.eq("\u0001id")));
    RenderedSql misordered =
        new RenderedSql(
            "misordered",
            List.of("\u0001id", 1_000_001L),
            tx -> tx.dsl().update(ITEMS).set(SIZE, 1_000_001L).where(ID.eq("\u0001id")));

    int updated = db.transact(tx -> swapped.update(tx, 5L, "none"));
    assertThat(updated).isZero();
    assertThatThrownBy(() -> db.transact(tx -> misordered.update(tx, "none", 5L)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("misordered")
        .hasMessageContaining("not the placeholders");
  }

  @Test
  void theWrongNumberOfValuesIsRefused() {
    assertThatThrownBy(() -> db.transact(tx -> INSERT.update(tx, "a", 1L)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("takes 3 values, not 2");
  }

  @Test
  void placeholdersDifferAndHaveTheirColumnsTypes() {
    Field<?>[] fields = {ID, SIZE, NOTE};
    Object[] placeholders = new Object[fields.length];
    for (int i = 0; i < fields.length; i++) {
      placeholders[i] = RenderedSql.placeholder(fields[i], i);
    }

    assertThat(Arrays.asList(placeholders)).doesNotHaveDuplicates();
    assertThat(placeholders[1]).isInstanceOf(Long.class);
    assertThat(placeholders[0]).isInstanceOf(String.class);
  }
}
