package dev.baton.internal.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@link EngineState} from Baton's tables in one statement inside a snapshot transaction, so
 * a commit between two reads can never make the engine look idle while a task is pending.
 */
final class EngineProbe {
  /**
   * One row per pending thing: kind, state, up to three times and three texts. Kinds: W workflow
   * task, A activity task, T timer, O outbox row, Q query task, R running run with a deadline.
   */
  private static final String SQL =
      """
      SELECT 'W', state, visible_at, lease_expires_at, sticky_until,
             CAST(last_failure AS VARCHAR), workflow_id || ''' on task queue ''' || task_queue || '''',
             sticky_owner
        FROM baton_workflow_tasks
      UNION ALL
      SELECT 'A', state, visible_at, lease_expires_at, schedule_to_close_at,
             lease_token, CAST(visible_at + schedule_to_start_ms AS VARCHAR),
             activity_type || ' of ''' || workflow_id || ''' on task queue ''' || task_queue || ''''
        FROM baton_activity_tasks
      UNION ALL
      SELECT 'T', '', fire_at, NULL, NULL, NULL, NULL, NULL FROM baton_timers
      UNION ALL
      SELECT 'O', '', visible_at, NULL, NULL, NULL, NULL, NULL FROM baton_outbox
      UNION ALL
      SELECT 'Q', state, NULL, NULL, NULL, NULL, workflow_id, NULL FROM baton_query_tasks
        WHERE state IN ('PENDING', 'CLAIMED')
      UNION ALL
      SELECT 'R', '', execution_deadline, NULL, NULL, NULL, NULL, NULL FROM baton_runs
        WHERE status = 'RUNNING' AND execution_deadline IS NOT NULL
      """;

  private final Connection connection;

  /** A probe over {@code connection}, which it then owns. */
  EngineProbe(Connection connection) {
    this.connection = connection;
    try (Statement statement = connection.createStatement()) {
      statement.execute("SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL SNAPSHOT");
      connection.setAutoCommit(false);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot prepare the test environment's probe", e);
    }
  }

  /**
   * The engine's state at virtual time {@code now}; {@code liveWorker} tells whether a worker
   * identity belongs to a running worker.
   */
  synchronized EngineState read(long now, Predicate<String> liveWorker) {
    try {
      try (PreparedStatement statement = connection.prepareStatement(SQL);
          ResultSet rows = statement.executeQuery()) {
        Accumulator state = new Accumulator(now, liveWorker);
        while (rows.next()) {
          state.add(
              rows.getString(1),
              rows.getString(2),
              nullableLong(rows, 3),
              nullableLong(rows, 4),
              nullableLong(rows, 5),
              rows.getString(6),
              rows.getString(7),
              rows.getString(8));
        }
        return state.result();
      } finally {
        connection.rollback();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the test environment's state", e);
    }
  }

  /** The ids of every run in the database. */
  synchronized Set<String> runIds() {
    Set<String> tokens = new HashSet<>();
    try (PreparedStatement statement =
            connection.prepareStatement("SELECT run_id FROM baton_runs");
        ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        tokens.add(rows.getString(1));
      }
      connection.rollback();
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the test environment's activities", e);
    }
    return tokens;
  }

  private static @Nullable Long nullableLong(ResultSet rows, int column) throws SQLException {
    long value = rows.getLong(column);
    return rows.wasNull() ? null : value;
  }

  /** Folds the rows into one state. */
  private static final class Accumulator {
    private final long now;
    private final Predicate<String> liveWorker;
    private boolean busy;
    private boolean sweepDue;
    private @Nullable Long next;
    private @Nullable String failedTask;
    private final List<String> pending = new ArrayList<>();

    Accumulator(long now, Predicate<String> liveWorker) {
      this.now = now;
      this.liveWorker = liveWorker;
    }

    void add(
        String kind,
        String state,
        @Nullable Long t1,
        @Nullable Long t2,
        @Nullable Long t3,
        @Nullable String s1,
        @Nullable String s2,
        @Nullable String s3) {
      switch (kind) {
        case "W" -> {
          if (s1 != null && failedTask == null) {
            failedTask = "Workflow task of '" + s2 + " failed: " + s1;
          }
          if ("STARTED".equals(state)) {
            busy("a workflow task of '" + s2 + " is running");
            sweepDue |= t2 != null && t2 <= now;
          } else if (s3 != null && t3 != null && t3 > now && !liveWorker.test(s3)) {
            // Sticky to a worker the test stopped: no one may take it before its stickiness ends.
            due(Math.max(t1 == null ? t3 : t1, t3), true);
          } else if (t1 != null && t1 <= now) {
            busy("a workflow task of '" + s2 + " waits for a worker to take it");
          } else {
            due(t1, false);
          }
        }
        case "A" -> {
          if ("SCHEDULED".equals(state)) {
            if (t1 != null && t1 <= now) {
              busy("activity " + s3 + " waits for a worker to take it");
            }
            due(t1, false);
            due(t3, true);
            due(s2 == null ? null : Long.valueOf(s2), true);
          } else if (s1 != null && ParkedActivities.isParked(s1)) {
            due(t2, true); // only its timeout will end it
            due(t3, true);
          } else {
            busy("activity " + s3 + " is running");
            sweepDue |= t2 != null && t2 <= now;
          }
        }
        case "T", "R" -> due(t1, true);
        case "O" -> due(t1, true);
        case "Q" -> busy("a query of '" + s2 + "' waits for its answer");
        default -> throw new IllegalStateException("Unknown row kind " + kind);
      }
    }

    private void busy(String reason) {
      busy = true;
      if (pending.size() < 5) {
        pending.add(reason);
      }
    }

    /** Notes something due at {@code time}; {@code bySweeper}: the sweeper (or relay) acts. */
    private void due(@Nullable Long time, boolean bySweeper) {
      if (time == null) {
        return;
      }
      if (time <= now) {
        busy = true;
        sweepDue |= bySweeper;
        if (bySweeper && pending.isEmpty()) {
          pending.add("due timers or timeouts wait for the sweeper");
        }
      } else if (next == null || time < next) {
        next = time;
      }
    }

    EngineState result() {
      return new EngineState(
          busy, sweepDue, busy ? null : next, failedTask, String.join("; ", pending));
    }
  }
}
