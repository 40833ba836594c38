package dev.baton.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What the figures ran on, and how busy it was. */
final class Machine {
  private Machine() {}

  /** The 1-minute load average, from /proc/loadavg; NaN where there is none. */
  static double load() {
    try {
      return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  /**
   * The machine's CPU time counters from /proc/stat, summed over all cores: {busy, total} in clock
   * ticks; {0, 0} where there are none. Two readings give how busy the cores were in between.
   */
  static long[] cpuTicks() {
    try {
      String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long total = 0;
      long idle = 0;
      for (int i = 1; i < fields.length && i <= 8; i++) { // user .. steal
        long value = Long.parseLong(fields[i]);
        total += value;
        if (i == 4 || i == 5) { // idle, iowait
          idle += value;
        }
      }
      return new long[] {total - idle, total};
    } catch (IOException | RuntimeException e) {
      return new long[] {0, 0};
    }
  }

  /** The fraction of all cores' time that was busy between two {@link #cpuTicks()} readings. */
  static double cpuBusy(long[] before, long[] after) {
    long total = after[1] - before[1];
    return total <= 0 ? Double.NaN : (after[0] - before[0]) / (double) total;
  }

  /** CPU model, cores, memory and JVM, on one line. */
  static String describe() {
    String cpu = "unknown CPU";
    String memory = "";
    try {
      List<String> lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
      cpu =
          lines.stream()
              .filter(l -> l.startsWith("model name"))
              .map(l -> l.substring(l.indexOf(':') + 1).trim())
              .findFirst()
              .orElse(cpu);
      memory =
          Files.readAllLines(Path.of("/proc/meminfo")).stream()
              .filter(l -> l.startsWith("MemTotal"))
              .map(l -> ", " + Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024 + " MiB RAM")
              .findFirst()
              .orElse("");
    } catch (IOException | RuntimeException e) {
      // not Linux: the JVM's view is enough
    }
    return cpu
        + ", "
        + Runtime.getRuntime().availableProcessors()
        + " cores"
        + memory
        + ", Java "
        + System.getProperty("java.version")
        + " ("
        + System.getProperty("java.vm.name")
        + ")";
  }

  /** Heap in use after asking for full collections until it stops falling. */
  static long usedHeapAfterGc() {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
      if (heap.getUsed() >= used * 0.99) {
        return Math.min(used, heap.getUsed());
      }
      used = heap.getUsed();
    }
    return used;
  }
}
