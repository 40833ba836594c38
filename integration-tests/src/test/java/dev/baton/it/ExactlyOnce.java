package dev.baton.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Checks, with SQL over Baton's tables and the side-effect logs of the workers, that every run of
 * the {@link Fulfilment} workflow recorded each of its three activities completed exactly once,
 * that no task row is left, and that an activity ran more than once only under leases that were
 * lost before the recorded attempt.
 */
final class ExactlyOnce {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> ACTIVITIES =
      List.of("Steps.reserve", "Steps.charge", "Steps.ship");

  private ExactlyOnce() {}

  /** What one activity's history says: the attempt recorded and the lease it completed under. */
  record Recorded(int attempt, String lease) {}

  /**
   * Checks the database at {@code jdbc} ({url, user, password}) holds exactly the runs of {@code
   * workflowIds}, all completed, each with activities 1, 2, 3 started and completed once; returns
   * the recorded attempt of each activity by "workflowId|seq".
   */
  static Map<String, Recorded> checkHistory(String[] jdbc, Collection<String> workflowIds)
      throws SQLException, IOException {
    try (Connection c = DriverManager.getConnection(jdbc[0], jdbc[1], jdbc[2]);
        Statement s = c.createStatement()) {
      Map<String, String> workflowOfRun = new HashMap<>();
      // On MySQL the id is VARBINARY: read it back as text.
      String idColumn =
          jdbc[0].startsWith("jdbc:h2:") ? "workflow_id" : "CONVERT(workflow_id USING utf8mb4)";
      try (ResultSet rs =
          s.executeQuery("SELECT run_id, " + idColumn + ", status FROM baton_runs")) {
        while (rs.next()) {
          assertThat(rs.getString(3)).as("status of %s", rs.getString(2)).isEqualTo("COMPLETED");
          assertThat(workflowOfRun.put(rs.getString(1), rs.getString(2))).isNull();
        }
      }
      assertThat(new HashSet<>(workflowOfRun.values()))
          .as("one run per workflow id")
          .hasSize(workflowOfRun.size())
          .containsExactlyInAnyOrderElementsOf(workflowIds);

      Map<String, List<Integer>> completedSeqs = new TreeMap<>();
      Map<String, Recorded> started = new HashMap<>();
      try (ResultSet rs =
          s.executeQuery(
              "SELECT run_id, event_type, attributes FROM baton_history"
                  + " WHERE event_type IN ('ActivityTaskStarted', 'ActivityTaskCompleted')"
                  + " ORDER BY run_id, event_id")) {
        while (rs.next()) {
          String workflowId = workflowOfRun.get(rs.getString(1));
          assertThat(workflowId).as("run %s is known", rs.getString(1)).isNotNull();
          JsonNode attributes = JSON.readTree(rs.getString(3));
          int seq = attributes.get("seq").asInt();
          if (rs.getString(2).equals("ActivityTaskCompleted")) {
            completedSeqs.computeIfAbsent(workflowId, k -> new ArrayList<>()).add(seq);
          } else {
            Recorded previous =
                started.put(
                    workflowId + "|" + seq,
                    new Recorded(
                        attributes.get("attempt").asInt(), attributes.get("requestId").asText()));
            assertThat(previous)
                .as("activity #%d of %s started (recorded) once", seq, workflowId)
                .isNull();
          }
        }
      }
      assertThat(completedSeqs.keySet()).containsExactlyInAnyOrderElementsOf(workflowIds);
      for (Map.Entry<String, List<Integer>> entry : completedSeqs.entrySet()) {
        assertThat(entry.getValue())
            .as("ActivityTaskCompleted events of %s, by seq", entry.getKey())
            .containsExactly(1, 2, 3);
      }
      assertThat(started).hasSize(3 * workflowIds.size());

      for (String table : List.of("baton_workflow_tasks", "baton_activity_tasks", "baton_timers")) {
        try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
          rs.next();
          assertThat(rs.getLong(1)).as("rows left in %s", table).isZero();
        }
      }
      return started;
    }
  }

  /**
   * Checks the side-effect logs against the recorded attempts: every execution had its own lease;
   * the recorded lease ran exactly once; any other execution ran under an earlier attempt, whose
   * lease was lost. Returns the number of extra executions.
   */
  static int checkExecutions(Map<String, Recorded> recorded, List<Path> logs) throws IOException {
    Map<String, List<String[]>> executions = new HashMap<>();
    Set<String> tokens = new HashSet<>();
    for (Path log : logs) {
      if (!Files.exists(log)) {
        continue; // a worker killed before its first activity
      }
      for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
        String[] parts = line.split("\\|");
        if (parts.length != 4 || !parts[3].matches("bt1:[^:]+:\\d+:[0-9a-f-]{36}")) {
          continue; // a line cut short by a kill
        }
        assertThat(tokens.add(parts[3])).as("one execution per lease: %s", parts[3]).isTrue();
        int seq = ACTIVITIES.indexOf(parts[1]) + 1;
        executions.computeIfAbsent(parts[0] + "|" + seq, k -> new ArrayList<>()).add(parts);
      }
    }
    assertThat(executions.keySet()).containsExactlyInAnyOrderElementsOf(recorded.keySet());
    int extra = 0;
    for (Map.Entry<String, Recorded> entry : recorded.entrySet()) {
      Recorded r = entry.getValue();
      int ranUnderRecordedLease = 0;
      for (String[] run : executions.get(entry.getKey())) {
        String lease = run[3].substring(run[3].lastIndexOf(':') + 1);
        int attempt = Integer.parseInt(run[2]);
        if (lease.equals(r.lease())) {
          assertThat(attempt)
              .as("attempt of the recorded lease of %s", entry.getKey())
              .isEqualTo(r.attempt());
          ranUnderRecordedLease++;
        } else {
          assertThat(attempt)
              .as(
                  "an extra execution of %s belongs to an earlier attempt, whose lease was lost"
                      + " (recorded attempt %d)",
                  entry.getKey(), r.attempt())
              .isLessThan(r.attempt());
          extra++;
        }
      }
      assertThat(ranUnderRecordedLease)
          .as("executions under the recorded lease of %s", entry.getKey())
          .isEqualTo(1);
    }
    return extra;
  }
}
