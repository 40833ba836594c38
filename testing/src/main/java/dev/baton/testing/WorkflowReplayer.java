package dev.baton.testing;

import dev.baton.internal.testing.HistoryReplay;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Replays recorded histories (the JSON that {@link dev.baton.Baton#exportHistory(String)} writes)
 * against today's workflow code, without a database and without running activities. Keep exports of
 * real runs in {@code src/test/resources} and replay them in a test, so that a change that would
 * break runs already in progress fails the build:
 *
 * <pre>{@code
 * @Test
 * void recordedOrdersStillReplay() {
 *   WorkflowReplayer.replayFolder(Path.of("src/test/resources/histories"), OrderFulfilmentImpl.class);
 * }
 * }</pre>
 */
public final class WorkflowReplayer {
  private WorkflowReplayer() {}

  /**
   * Replays one exported history with the implementation among {@code implementationClasses} of its
   * workflow type.
   *
   * @throws ReplayFailedException if the code does not replay it
   * @throws IllegalArgumentException if the JSON is not a history export, or no class given
   *     implements its workflow type
   */
  public static void replay(String historyJson, Class<?>... implementationClasses) {
    Objects.requireNonNull(historyJson, "historyJson");
    checkClasses(implementationClasses);
    HistoryReplay.replay(historyJson, null, List.of(implementationClasses));
  }

  /**
   * Replays every {@code *.json} file in {@code folder} (not its subfolders), in name order, and
   * reports every one that fails, not just the first.
   *
   * @throws ReplayFailedException if a history does not replay (the first one, with the others
   *     added as suppressed exceptions)
   * @throws IllegalArgumentException if {@code folder} is not a folder or holds no history
   */
  public static void replayFolder(Path folder, Class<?>... implementationClasses) {
    Objects.requireNonNull(folder, "folder");
    checkClasses(implementationClasses);
    if (!Files.isDirectory(folder)) {
      throw new IllegalArgumentException("Not a folder: " + folder.toAbsolutePath());
    }
    List<Path> files;
    try (Stream<Path> list = Files.list(folder)) {
      files = list.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + folder, e);
    }
    if (files.isEmpty()) {
      throw new IllegalArgumentException("No *.json history in " + folder.toAbsolutePath());
    }
    List<ReplayFailedException> failures = new ArrayList<>();
    for (Path file : files) {
      String json;
      try {
        json = Files.readString(file);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + file, e);
      }
      try {
        HistoryReplay.replay(json, file.getFileName().toString(), List.of(implementationClasses));
      } catch (ReplayFailedException e) {
        failures.add(e);
      }
    }
    if (!failures.isEmpty()) {
      ReplayFailedException first = failures.get(0);
      failures.subList(1, failures.size()).forEach(first::addSuppressed);
      throw first;
    }
  }

  private static void checkClasses(Class<?>[] implementationClasses) {
    Objects.requireNonNull(implementationClasses, "implementationClasses");
    if (implementationClasses.length == 0) {
      throw new IllegalArgumentException("Name at least one workflow implementation class");
    }
    for (Class<?> type : implementationClasses) {
      Objects.requireNonNull(type, "implementationClasses element");
    }
  }
}
