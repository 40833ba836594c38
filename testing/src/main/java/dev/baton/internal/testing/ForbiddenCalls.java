package dev.baton.internal.testing;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The calls the determinism guard forbids in workflow code, each with the deterministic call to use
 * instead. Matched on the bytecode's owner, name and descriptor.
 */
final class ForbiddenCalls {
  /** One forbidden call: which members it matches, how to name it and what to use instead. */
  record Rule(
      String owner,
      @Nullable String name,
      @Nullable String descriptor,
      String call,
      String replacement) {
    boolean matches(String owner, String name, String descriptor) {
      return this.owner.equals(owner)
          && (this.name == null || this.name.equals(name))
          && (this.descriptor == null || this.descriptor.equals(descriptor));
    }
  }

  private static final String TIME = "Workflows.currentTime()";
  private static final String SLEEP = "Workflows.sleep(Duration) or Workflows.await(Duration, ...)";
  private static final String RANDOM = "Workflows.newRandom()";
  private static final String THREAD = "Workflows.async(...) and Promise";
  private static final String IO = "an activity (I/O belongs in activity code)";
  private static final String CONSTRUCTOR = "<init>";

  private static final List<Rule> RULES =
      List.of(
          new Rule(
              "java/lang/System", "currentTimeMillis", null, "System.currentTimeMillis()", TIME),
          new Rule("java/lang/System", "nanoTime", null, "System.nanoTime()", TIME),
          new Rule("java/time/Instant", "now", null, "Instant.now()", TIME),
          new Rule("java/time/LocalDateTime", "now", null, "LocalDateTime.now()", TIME),
          new Rule("java/time/LocalDate", "now", null, "LocalDate.now()", TIME),
          new Rule("java/time/LocalTime", "now", null, "LocalTime.now()", TIME),
          new Rule("java/time/ZonedDateTime", "now", null, "ZonedDateTime.now()", TIME),
          new Rule("java/time/OffsetDateTime", "now", null, "OffsetDateTime.now()", TIME),
          new Rule("java/util/Date", CONSTRUCTOR, "()V", "new Date()", TIME),
          new Rule("java/lang/Thread", "sleep", null, "Thread.sleep(...)", SLEEP),
          new Rule("java/util/concurrent/TimeUnit", "sleep", null, "TimeUnit.sleep(...)", SLEEP),
          new Rule("java/util/Random", CONSTRUCTOR, "()V", "new Random()", RANDOM),
          new Rule("java/lang/Math", "random", null, "Math.random()", RANDOM),
          new Rule(
              "java/util/concurrent/ThreadLocalRandom",
              "current",
              null,
              "ThreadLocalRandom.current()",
              RANDOM),
          new Rule(
              "java/util/UUID", "randomUUID", null, "UUID.randomUUID()", "Workflows.randomUUID()"),
          new Rule("java/lang/Thread", CONSTRUCTOR, null, "new Thread(...)", THREAD),
          new Rule("java/lang/Thread", "ofPlatform", null, "Thread.ofPlatform()", THREAD),
          new Rule("java/lang/Thread", "ofVirtual", null, "Thread.ofVirtual()", THREAD),
          new Rule(
              "java/lang/Thread",
              "startVirtualThread",
              null,
              "Thread.startVirtualThread(...)",
              THREAD),
          new Rule("java/util/concurrent/Executors", null, null, "Executors", THREAD),
          new Rule(
              "java/util/concurrent/CompletableFuture",
              "supplyAsync",
              null,
              "CompletableFuture.supplyAsync(...)",
              THREAD),
          new Rule(
              "java/util/concurrent/CompletableFuture",
              "runAsync",
              null,
              "CompletableFuture.runAsync(...)",
              THREAD),
          new Rule("java/io/FileInputStream", CONSTRUCTOR, null, "new FileInputStream(...)", IO),
          new Rule("java/io/FileOutputStream", CONSTRUCTOR, null, "new FileOutputStream(...)", IO),
          new Rule("java/io/FileReader", CONSTRUCTOR, null, "new FileReader(...)", IO),
          new Rule("java/io/FileWriter", CONSTRUCTOR, null, "new FileWriter(...)", IO),
          new Rule("java/io/RandomAccessFile", CONSTRUCTOR, null, "new RandomAccessFile(...)", IO),
          new Rule("java/nio/file/Files", null, null, "Files", IO),
          new Rule("java/nio/channels/FileChannel", "open", null, "FileChannel.open(...)", IO),
          new Rule("java/net/Socket", CONSTRUCTOR, null, "new Socket(...)", IO),
          new Rule("java/net/ServerSocket", CONSTRUCTOR, null, "new ServerSocket(...)", IO),
          new Rule("java/net/URL", "openConnection", null, "URL.openConnection()", IO),
          new Rule("java/net/URL", "openStream", null, "URL.openStream()", IO),
          new Rule("java/net/http/HttpClient", "send", null, "HttpClient.send(...)", IO),
          new Rule("java/net/http/HttpClient", "sendAsync", null, "HttpClient.sendAsync(...)", IO));

  private ForbiddenCalls() {}

  /** The rule a call of {@code owner.name descriptor} breaks, or {@code null}. */
  static @Nullable Rule find(String owner, String name, String descriptor) {
    for (Rule rule : RULES) {
      if (rule.matches(owner, name, descriptor)) {
        return rule;
      }
    }
    return null;
  }

  /** The message of a violation of {@code rule} by {@code location} (class and method). */
  static String message(Rule rule, String member, String location) {
    String call = rule.call().endsWith(")") ? rule.call() : rule.call() + "." + member + "(...)";
    return "Workflow code called "
        + call
        + " in "
        + location
        + ": it is not deterministic when the workflow is replayed. Use "
        + rule.replacement()
        + " instead.";
  }
}
