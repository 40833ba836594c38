package dev.baton.internal.store;

import java.sql.SQLException;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/** The embedded H2 2.x database. */
public final class H2Dialect implements Dialect {
  // H2 error codes, org.h2.api.ErrorCode.
  private static final int DEADLOCK = 40001;
  private static final int LOCK_TIMEOUT = 50200;
  private static final int CONCURRENT_UPDATE = 90131;

  /**
   * A row found through an index was deleted by a concurrent transaction before it was read; H2
   * reports it as a transient error, and the transaction succeeds when run again.
   */
  private static final int ROW_NOT_FOUND_IN_PRIMARY_INDEX = 90143;

  private static final int DUPLICATE_KEY = 23505;

  @Override
  public SQLDialect jooqDialect() {
    return SQLDialect.H2;
  }

  @Override
  public String migrationLocation() {
    return "classpath:dev/baton/db/h2";
  }

  @Override
  public Field<Long> nowMillis() {
    return DSL.field(
        "DATEDIFF('MILLISECOND', TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00',"
            + " CURRENT_TIMESTAMP(3))",
        SQLDataType.BIGINT);
  }

  @Override
  public boolean isRetryable(SQLException exception) {
    int code = exception.getErrorCode();
    return code == DEADLOCK
        || code == LOCK_TIMEOUT
        || code == CONCURRENT_UPDATE
        || code == ROW_NOT_FOUND_IN_PRIMARY_INDEX;
  }

  @Override
  public boolean isDuplicateKey(SQLException exception) {
    return exception.getErrorCode() == DUPLICATE_KEY;
  }
}
