package dev.baton.bench;

/** Appends {@code :n}; sleeps {@code sleepMillis} first when that is positive (B6). */
public final class StepsImpl implements Steps {
  private final long sleepMillis;

  public StepsImpl(long sleepMillis) {
    this.sleepMillis = sleepMillis;
  }

  @Override
  public String step(String value, int n) {
    if (sleepMillis > 0) {
      try {
        Thread.sleep(sleepMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
    return value + ":" + n;
  }
}
