package dev.baton.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.Baton;
import dev.baton.HistoryEvent;
import dev.baton.WorkflowStatus;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Kills worker JVMs with SIGKILL at random instants and halts them at named points (right after a
 * claim, right before a commit, right after a commit), then lets a final JVM finish: every workflow
 * has the result it would have had, every activity completion is recorded once, and an activity ran
 * more than once only under a lease that was lost; with tasks leased eagerly and with every task
 * claimed. Set {@code -Dbaton.crash.seed} to replay a run.
 */
class CrashRecoveryTest {
  private static final int WORKFLOWS = 120;
  private static final int RANDOM_KILLS = 20;
  private static final Pattern ACTIVITY = Pattern.compile("\"seq\":(\\d+)");
  private static final Pattern ATTEMPT = Pattern.compile("\"attempt\":(\\d+)");
  private static final Pattern TOKEN = Pattern.compile("bt1:[^:]+:\\d+:[0-9a-f-]{36}");

  private int launches;

  @ParameterizedTest(name = "{0}, {1}")
  @MethodSource("dev.baton.it.DispatchMode#databasesAndModes")
  void workflowsFinishCorrectlyAfterKillsAndHalts(
      DatabaseKind kind, DispatchMode mode, @TempDir Path folder) throws Exception {
    try (TestDatabase db = kind.create(folder)) {
      killAndRecover(db, folder, mode);
    }
  }

  /** Prints the history of every run the final worker did not finish, to diagnose a failure. */
  private static void printUnfinishedRuns(TestDatabase db) {
    try (Baton baton = db.open()) {
      for (int i = 0; i < WORKFLOWS; i++) {
        String id = CrashWorker.order(i).id();
        if (baton.describe(id).status() == WorkflowStatus.RUNNING) {
          System.out.println("Unfinished run " + id + ":");
          for (HistoryEvent event : baton.history(id)) {
            System.out.println(
                "  " + event.eventId() + " " + event.type() + " " + event.attributesJson());
          }
        }
      }
    } catch (RuntimeException e) {
      System.out.println("Could not print the unfinished runs: " + e);
    }
  }

  private void killAndRecover(TestDatabase db, Path folder, DispatchMode mode) throws Exception {
    long seed = Long.getLong("baton.crash.seed", new SecureRandom().nextLong());
    System.out.println(
        "CrashRecoveryTest seed=" + seed + " (rerun with -Dbaton.crash.seed=" + seed + ")");
    Random random = new Random(seed);
    // One side-effect log per worker JVM: a JVM killed inside a write can leave its last line
    // without its end, and a line another JVM appended after it would be glued to it.
    Path logs = Files.createDirectories(folder.resolve("side-effects"));
    String data = db.spec();

    for (String point : List.of("afterClaim", "beforeCommit", "afterCommit")) {
      int occurrence = 1 + random.nextInt(30);
      Process child =
          launch(
              data, logs, "work", mode.jvmOption(), "-Dbaton.haltAt=" + point + ":" + occurrence);
      assertThat(child.waitFor(90, TimeUnit.SECONDS))
          .as("worker halted at %s:%d", point, occurrence)
          .isTrue();
      assertThat(child.exitValue()).as("exit code of the halt at %s", point).isEqualTo(137);
    }
    for (int kill = 0; kill < RANDOM_KILLS; kill++) {
      long delay = 300 + random.nextInt(2200);
      Process child = launch(data, logs, "work", mode.jvmOption());
      Thread.sleep(delay);
      child.destroyForcibly(); // SIGKILL
      child.waitFor(30, TimeUnit.SECONDS);
    }
    // A kill must not leave half a commit: H2 once kept a workflow task's next_event_id and
    // activity without its history events, and the final worker failed replaying the run.
    assertThat(db.runsWithMissingEvents()).as("runs whose history lost events").isEmpty();
    Process last = launch(data, logs, "final", mode.jvmOption());
    boolean finished = last.waitFor(180, TimeUnit.SECONDS);
    if (!finished) {
      last.destroyForcibly();
      last.waitFor(30, TimeUnit.SECONDS);
      printUnfinishedRuns(db);
    }
    assertThat(finished).as("final worker finished").isTrue();
    assertThat(last.exitValue()).isZero();

    try (Baton baton = db.open()) {
      FulfilmentClient client = FulfilmentClient.of(baton);
      Map<String, List<String[]>> executions = readLogs(logs);
      int extraExecutions = 0;
      for (int i = 0; i < WORKFLOWS; i++) {
        Fulfilment.Order order = CrashWorker.order(i);
        List<HistoryEvent> history = baton.history(order.id());
        try {
          extraExecutions += checkWorkflow(client, order, history, executions);
        } catch (AssertionError e) {
          throw new AssertionError(diagnosis(seed, mode, order.id(), history, logs), e);
        }
      }
      System.out.println(
          "CrashRecoveryTest: "
              + WORKFLOWS
              + " workflows, "
              + extraExecutions
              + " extra activity executions, all under lost leases");
    }
  }

  /**
   * Checks one workflow's result, history and activity executions; returns how many executions
   * beyond one per activity it had.
   */
  private static int checkWorkflow(
      FulfilmentClient client,
      Fulfilment.Order order,
      List<HistoryEvent> history,
      Map<String, List<String[]>> executions) {
    int extraExecutions = 0;
    assertThat(client.handle(order.id()).result(Duration.ofSeconds(5)))
        .isEqualTo(FulfilmentImpl.expectedReceipt(order));
    Map<Integer, Integer> recordedAttempts = new HashMap<>();
    for (HistoryEvent event : history) {
      if (event.type().equals("ActivityTaskStarted")) {
        int seq = group(ACTIVITY, event.attributesJson());
        assertThat(recordedAttempts.put(seq, group(ATTEMPT, event.attributesJson())))
            .as("activity #%d of %s recorded once", seq, order.id())
            .isNull();
      }
    }
    assertThat(history.stream().filter(e -> e.type().equals("ActivityTaskCompleted")).count())
        .as("completions of %s", order.id())
        .isEqualTo(3);
    List<String> activities = List.of("Steps.reserve", "Steps.charge", "Steps.ship");
    for (int seq = 1; seq <= 3; seq++) {
      String activity = activities.get(seq - 1);
      List<String[]> runs = executions.getOrDefault(order.id() + "|" + activity, List.of());
      int recorded = recordedAttempts.get(seq);
      assertThat(runs).as("executions of %s of %s", activity, order.id()).isNotEmpty();
      Set<String> tokens = new HashSet<>();
      boolean recordedRan = false;
      for (String[] run : runs) {
        assertThat(tokens.add(run[3])).as("one execution per lease: %s", run[3]).isTrue();
        int attempt = Integer.parseInt(run[2]);
        if (attempt == recorded) {
          recordedRan = true;
        } else {
          assertThat(attempt)
              .as(
                  "an extra execution of %s of %s belongs to an earlier, lost lease",
                  activity, order.id())
              .isLessThan(recorded);
        }
      }
      assertThat(recordedRan)
          .as("the recorded attempt of %s of %s ran", activity, order.id())
          .isTrue();
      extraExecutions += runs.size() - 1;
    }
    return extraExecutions;
  }

  /**
   * What a failed check of workflow {@code id} needs to be understood: seed, history, log lines.
   */
  private static String diagnosis(
      long seed, DispatchMode mode, String id, List<HistoryEvent> history, Path logs) {
    StringBuilder text =
        new StringBuilder("Workflow ")
            .append(id)
            .append(" (")
            .append(mode)
            .append(", rerun with -Dbaton.crash.seed=")
            .append(seed)
            .append(")\nhistory:\n");
    for (HistoryEvent event : history) {
      text.append("  ")
          .append(event.eventId())
          .append(' ')
          .append(event.type())
          .append(' ')
          .append(event.attributesJson())
          .append('\n');
    }
    text.append("side-effect log lines naming it (of all lines, incomplete ones too):\n");
    try {
      for (Path log : logFiles(logs)) {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        for (int n = 0; n < lines.size(); n++) {
          if (lines.get(n).contains(id + "|")) {
            text.append("  ")
                .append(log.getFileName())
                .append(':')
                .append(n + 1)
                .append(": ")
                .append(lines.get(n))
                .append('\n');
          }
        }
      }
    } catch (IOException e) {
      text.append("  (could not read the log: ").append(e).append(")\n");
    }
    return text.toString();
  }

  private static int group(Pattern pattern, String json) {
    Matcher matcher = pattern.matcher(json);
    assertThat(matcher.find()).as("%s in %s", pattern, json).isTrue();
    return Integer.parseInt(matcher.group(1));
  }

  /** The executions in the logs of every worker JVM, by "workflowId|activity". */
  private static Map<String, List<String[]>> readLogs(Path logs) throws IOException {
    Map<String, List<String[]>> executions = new HashMap<>();
    for (Path log : logFiles(logs)) {
      for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
        String[] parts = line.split("\\|");
        if (parts.length == 4 && TOKEN.matcher(parts[3]).matches()) { // not cut short by a kill
          executions.computeIfAbsent(parts[0] + "|" + parts[1], k -> new ArrayList<>()).add(parts);
        }
      }
    }
    return executions;
  }

  private static List<Path> logFiles(Path logs) throws IOException {
    try (Stream<Path> files = Files.list(logs)) {
      return files.sorted().toList();
    }
  }

  /**
   * Launches a worker JVM that logs its activity executions to a file of its own in {@code logs}.
   */
  private Process launch(String data, Path logs, String mode, String... jvmOptions)
      throws IOException {
    Path log = logs.resolve(String.format("jvm-%03d.log", ++launches));
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.add("-XX:TieredStopAtLevel=1");
    command.addAll(List.of(jvmOptions));
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(CrashWorker.class.getName());
    command.add(data);
    command.add(log.toString());
    command.add(Integer.toString(WORKFLOWS));
    command.add(mode);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    CountDownLatch started = new CountDownLatch(1);
    Thread pump =
        new Thread(
            () -> {
              try (BufferedReader out =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                started.countDown();
                String line;
                while ((line = out.readLine()) != null) {
                  if (line.startsWith("HALT")
                      || line.contains("ERROR")
                      || line.contains("Exception")) {
                    System.out.println("[child " + mode + "] " + line);
                  }
                }
              } catch (IOException e) {
                // the child died
              }
            });
    pump.setDaemon(true);
    pump.start();
    return process;
  }
}
