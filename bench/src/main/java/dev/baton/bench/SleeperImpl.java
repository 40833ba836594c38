package dev.baton.bench;

import dev.baton.Workflows;
import java.time.Duration;

/** Sleeps until the due time; {@code Workflows.currentTime()} is the resuming task's start. */
public class SleeperImpl implements Sleeper {
  @Override
  public long sleepUntil(long dueMillis) {
    long now = Workflows.currentTime().toEpochMilli();
    Workflows.sleep(Duration.ofMillis(Math.max(1, dueMillis - now)));
    return Workflows.currentTime().toEpochMilli() - dueMillis;
  }
}
