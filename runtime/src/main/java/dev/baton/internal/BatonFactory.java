package dev.baton.internal;

import dev.baton.Baton;
import dev.baton.BatonOptions;
import java.nio.file.Path;

/** Creates {@link Baton} instances. */
public final class BatonFactory {
  private BatonFactory() {}

  /** An instance on the embedded H2 database in {@code folder}. */
  public static Baton embedded(Path folder, BatonOptions options) {
    throw new UnsupportedOperationException("not yet");
  }
}
