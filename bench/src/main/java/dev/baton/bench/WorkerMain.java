package dev.baton.bench;

import dev.baton.Baton;
import dev.baton.BatonOptions;
import dev.baton.WorkerOptions;

/**
 * A worker JVM of B6: {@code WorkerMain <jdbc url> <user> <password> <activity slots> <activity
 * sleep ms>}. Prints {@code READY} once polling, then runs until killed or its input closes.
 */
public final class WorkerMain {
  private WorkerMain() {}

  public static void main(String[] args) throws Exception {
    String password = args[2].equals("-") ? "" : args[2];
    try (Baton baton = Baton.connect(args[0], args[1], password, BatonOptions.getDefault())) {
      baton
          .newWorker(
              "bench", WorkerOptions.newBuilder().activitySlots(Integer.parseInt(args[3])).build())
          .registerWorkflow(ChainImpl.class)
          .registerActivities(new StepsImpl(Long.parseLong(args[4])))
          .start();
      System.out.println("READY");
      System.out.flush();
      // The parent closes our standard input (or dies) when the figure is over.
      while (System.in.read() >= 0) {
        // ignore input
      }
    }
  }
}
