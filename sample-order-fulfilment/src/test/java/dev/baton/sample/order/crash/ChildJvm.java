package dev.baton.sample.order.crash;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A child JVM running a main class of the test class path, its output collected and echoed with a
 * prefix, for tests that need real processes (copied from the integration tests' helper).
 */
final class ChildJvm implements AutoCloseable {
  private final String name;
  private final Process process;
  private final List<String> lines = new CopyOnWriteArrayList<>();

  private ChildJvm(String name, Process process) {
    this.name = name;
    this.process = process;
  }

  /** Starts {@code mainClass} with {@code args} in a new JVM with this JVM's class path. */
  static ChildJvm launch(String name, Class<?> mainClass, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-XX:+UseSerialGC");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass.getName());
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    ChildJvm child = new ChildJvm(name, process);
    Thread pump = new Thread(child::pump, "output of " + name);
    pump.setDaemon(true);
    pump.start();
    return child;
  }

  private void pump() {
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        lines.add(line);
        System.out.println("[" + name + "] " + line);
      }
    } catch (IOException e) {
      // the child died
    }
  }

  /** Waits until the child printed a line that {@code matches}; false on timeout or exit. */
  boolean awaitLine(Predicate<String> matches, long timeoutMillis) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    while (System.nanoTime() < deadline) {
      if (lines.stream().anyMatch(matches)) {
        return true;
      }
      if (!process.isAlive()) {
        Thread.sleep(200); // let the pump read the last lines
        return lines.stream().anyMatch(matches);
      }
      Thread.sleep(50);
    }
    return false;
  }

  /** Every line printed so far. */
  List<String> lines() {
    return List.copyOf(lines);
  }

  /** Kills the child with SIGKILL and waits for it to exit. */
  void kill() {
    process.destroyForcibly();
    try {
      process.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      kill();
    }
  }
}
