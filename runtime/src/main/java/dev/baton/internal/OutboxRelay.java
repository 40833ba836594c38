package dev.baton.internal;

import dev.baton.internal.store.OutboxStore;

/**
 * Carries out committed outbox actions (child starts, child results, terminations, signals between
 * runs): at once when this process committed some, and every {@code intervalMillis} for those
 * another process left behind.
 */
final class OutboxRelay implements AutoCloseable {
  private static final int BATCH = 100;

  private final OutboxStore outbox;
  private final Wakeups wakeups;
  private final BackgroundLoop loop;

  OutboxRelay(OutboxStore outbox, Wakeups wakeups, long intervalMillis) {
    this.outbox = outbox;
    this.wakeups = wakeups;
    this.loop = new BackgroundLoop("baton-outbox", wakeups.outbox(), intervalMillis, this::drain);
  }

  void start() {
    loop.start();
  }

  private void drain() {
    int done;
    do {
      done = outbox.relay(BATCH);
      if (done > 0) {
        wakeups.workflowTasks().signal();
        wakeups.runsClosed().signal();
      }
    } while (done == BATCH && loop.running());
  }

  @Override
  public void close() {
    loop.close();
  }
}
