package dev.baton.processor.lint;

import static dev.baton.processor.lint.ForbiddenCall.constructor;
import static dev.baton.processor.lint.ForbiddenCall.method;
import static dev.baton.processor.lint.ForbiddenCall.methodOfSubtypes;

import dev.baton.processor.Message;
import java.util.List;

/** The catalogue of JDK calls that make workflow code non-deterministic. */
final class ForbiddenCalls {
  private ForbiddenCalls() {}

  /** Every forbidden call, grouped by the message it gets. */
  static final List<ForbiddenCall> ALL =
      List.of(
          // the system clock
          method("java.lang.System", Message.CLOCK_CALL, "currentTimeMillis", "nanoTime"),
          method("java.time.Instant", Message.CLOCK_CALL, "now"),
          method("java.time.LocalDate", Message.CLOCK_CALL, "now"),
          method("java.time.LocalDateTime", Message.CLOCK_CALL, "now"),
          method("java.time.LocalTime", Message.CLOCK_CALL, "now"),
          method("java.time.ZonedDateTime", Message.CLOCK_CALL, "now"),
          method("java.time.OffsetDateTime", Message.CLOCK_CALL, "now"),
          method("java.time.OffsetTime", Message.CLOCK_CALL, "now"),
          method("java.time.Year", Message.CLOCK_CALL, "now"),
          method("java.time.YearMonth", Message.CLOCK_CALL, "now"),
          method("java.time.MonthDay", Message.CLOCK_CALL, "now"),
          method("java.time.Clock", Message.CLOCK_CALL, "systemUTC", "systemDefaultZone"),
          method("java.util.Calendar", Message.CLOCK_CALL, "getInstance"),
          // sleeping
          method("java.lang.Thread", Message.THREAD_SLEEP_CALL, "sleep", "onSpinWait"),
          methodOfSubtypes("java.util.concurrent.TimeUnit", Message.THREAD_SLEEP_CALL, "sleep"),
          // threads
          constructor("java.lang.Thread", Message.THREAD_CALL),
          methodOfSubtypes(
              "java.lang.Thread",
              Message.THREAD_CALL,
              "start",
              "ofPlatform",
              "ofVirtual",
              "startVirtualThread"),
          // executors and asynchronous futures
          method("java.util.concurrent.Executors", Message.EXECUTOR_CALL),
          methodOfSubtypes("java.util.concurrent.Executor", Message.EXECUTOR_CALL),
          constructor("java.util.concurrent.ThreadPoolExecutor", Message.EXECUTOR_CALL),
          constructor("java.util.concurrent.ForkJoinPool", Message.EXECUTOR_CALL),
          method("java.util.concurrent.ForkJoinPool", Message.EXECUTOR_CALL, "commonPool"),
          constructor("java.util.Timer", Message.EXECUTOR_CALL),
          methodOfSubtypes(
              "java.util.concurrent.CompletableFuture",
              Message.EXECUTOR_CALL,
              "supplyAsync",
              "runAsync",
              "thenApplyAsync",
              "thenAcceptAsync",
              "thenRunAsync",
              "thenCombineAsync",
              "thenAcceptBothAsync",
              "runAfterBothAsync",
              "applyToEitherAsync",
              "acceptEitherAsync",
              "runAfterEitherAsync",
              "thenComposeAsync",
              "whenCompleteAsync",
              "handleAsync",
              "exceptionallyAsync",
              "exceptionallyComposeAsync",
              "completeAsync",
              "delayedExecutor"),
          methodOfSubtypes("java.util.Collection", Message.EXECUTOR_CALL, "parallelStream"),
          methodOfSubtypes("java.util.stream.BaseStream", Message.EXECUTOR_CALL, "parallel"),
          // randomness
          constructor("java.util.Random", Message.RANDOM_CALL),
          method("java.lang.Math", Message.RANDOM_CALL, "random"),
          method("java.lang.StrictMath", Message.RANDOM_CALL, "random"),
          method("java.util.concurrent.ThreadLocalRandom", Message.RANDOM_CALL, "current"),
          method("java.util.UUID", Message.RANDOM_UUID_CALL, "randomUUID"),
          // files
          constructor("java.io.FileInputStream", Message.IO_CALL),
          constructor("java.io.FileOutputStream", Message.IO_CALL),
          constructor("java.io.FileReader", Message.IO_CALL),
          constructor("java.io.FileWriter", Message.IO_CALL),
          constructor("java.io.RandomAccessFile", Message.IO_CALL),
          method("java.nio.file.Files", Message.IO_CALL),
          method("java.nio.channels.FileChannel", Message.IO_CALL, "open"),
          methodOfSubtypes(
              "java.io.File",
              Message.IO_CALL,
              "exists",
              "delete",
              "list",
              "listFiles",
              "createNewFile",
              "mkdir",
              "mkdirs",
              "length",
              "lastModified",
              "isFile",
              "isDirectory",
              "renameTo",
              "canRead",
              "canWrite"),
          // network
          constructor("java.net.Socket", Message.IO_CALL),
          constructor("java.net.ServerSocket", Message.IO_CALL),
          constructor("java.net.DatagramSocket", Message.IO_CALL),
          method("java.net.URL", Message.IO_CALL, "openConnection", "openStream", "getContent"),
          methodOfSubtypes("java.net.URLConnection", Message.IO_CALL),
          methodOfSubtypes("java.net.http.HttpClient", Message.IO_CALL, "send", "sendAsync"),
          method("java.net.InetAddress", Message.IO_CALL, "getByName", "getAllByName"),
          // databases
          method("java.sql.DriverManager", Message.IO_CALL, "getConnection"),
          methodOfSubtypes("javax.sql.DataSource", Message.IO_CALL, "getConnection"),
          methodOfSubtypes("java.sql.Connection", Message.IO_CALL),
          methodOfSubtypes("java.sql.Statement", Message.IO_CALL),
          methodOfSubtypes("java.sql.ResultSet", Message.IO_CALL));
}
