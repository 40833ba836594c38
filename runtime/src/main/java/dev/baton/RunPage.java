package dev.baton;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of {@link Baton#listRuns(RunFilter)}: runs newest first, and the token of the next page
 * ({@code null} on the last).
 *
 * @param runs the runs of this page
 * @param nextPageToken pass it to {@link RunFilter.Builder#pageToken} for the next page
 */
public record RunPage(List<RunSummary> runs, @Nullable String nextPageToken) {
  /** Copies the list. */
  public RunPage {
    runs = List.copyOf(runs);
  }
}
