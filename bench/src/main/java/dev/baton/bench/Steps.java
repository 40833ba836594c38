package dev.baton.bench;

import dev.baton.Activity;
import dev.baton.ActivityMethod;

/** The activity of {@link Chain}. */
@Activity
public interface Steps {
  @ActivityMethod(startToClose = "PT30S")
  String step(String value, int n);
}
