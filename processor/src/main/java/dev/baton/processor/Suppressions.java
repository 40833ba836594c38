package dev.baton.processor;

import java.util.Arrays;
import javax.lang.model.element.Element;

/** Reads {@code @SuppressWarnings} on an element and the elements that enclose it. */
public final class Suppressions {
  /** The key that suppresses Baton's warnings. */
  public static final String WARNINGS = "baton";

  /** The key that suppresses Baton's determinism errors. */
  public static final String DETERMINISM = "baton-determinism";

  private Suppressions() {}

  /** Whether {@code element} or an element enclosing it suppresses {@code key}. */
  public static boolean isSuppressed(Element element, String key) {
    for (Element e = element; e != null; e = e.getEnclosingElement()) {
      SuppressWarnings suppress = e.getAnnotation(SuppressWarnings.class);
      if (suppress != null && Arrays.asList(suppress.value()).contains(key)) {
        return true;
      }
    }
    return false;
  }
}
