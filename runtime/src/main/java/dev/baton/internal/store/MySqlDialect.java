package dev.baton.internal.store;

import java.sql.SQLException;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/** MySQL 8 and MariaDB 10.6+, through MySQL Connector/J. */
public final class MySqlDialect implements Dialect {
  private static final int DEADLOCK = 1213;
  private static final int LOCK_WAIT_TIMEOUT = 1205;
  private static final int DUPLICATE_KEY = 1062;

  private final SQLDialect jooqDialect;

  /** The dialect of a MariaDB server when {@code mariaDb}, else of MySQL. */
  public MySqlDialect(boolean mariaDb) {
    this.jooqDialect = mariaDb ? SQLDialect.MARIADB : SQLDialect.MYSQL;
  }

  @Override
  public SQLDialect jooqDialect() {
    return jooqDialect;
  }

  @Override
  public String migrationLocation() {
    return "classpath:dev/baton/db/mysql";
  }

  @Override
  public Field<Long> nowMillis() {
    return DSL.field("CAST(UNIX_TIMESTAMP(NOW(3)) * 1000 AS SIGNED)", SQLDataType.BIGINT);
  }

  @Override
  public boolean isRetryable(SQLException exception) {
    int code = exception.getErrorCode();
    return code == DEADLOCK || code == LOCK_WAIT_TIMEOUT || "40001".equals(exception.getSQLState());
  }

  @Override
  public boolean isDuplicateKey(SQLException exception) {
    return exception.getErrorCode() == DUPLICATE_KEY;
  }
}
