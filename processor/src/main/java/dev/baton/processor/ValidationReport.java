package dev.baton.processor;

import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * The errors and warnings found in one annotated type, each on the most precise element, annotation
 * and value, collected so that a type is generated only when it has none.
 */
public final class ValidationReport {
  private record Item(
      Diagnostic.Kind kind,
      Element element,
      AnnotationMirror annotation,
      AnnotationValue value,
      String message) {}

  private final List<Item> items = new ArrayList<>();

  /** Reports {@code message} on {@code element}. */
  public void error(Element element, String message) {
    items.add(new Item(Diagnostic.Kind.ERROR, element, null, null, message));
  }

  /** Reports {@code message} on {@code annotation} of {@code element}. */
  public void error(Element element, AnnotationMirror annotation, String message) {
    items.add(new Item(Diagnostic.Kind.ERROR, element, annotation, null, message));
  }

  /** Reports {@code message} on {@code value} of {@code annotation} of {@code element}. */
  public void error(
      Element element, AnnotationMirror annotation, AnnotationValue value, String message) {
    items.add(new Item(Diagnostic.Kind.ERROR, element, annotation, value, message));
  }

  /**
   * Reports warning {@code message} on {@code element}, unless the element or one that encloses it
   * carries {@code @SuppressWarnings("baton")}.
   */
  public void warning(Element element, String message) {
    if (!Suppressions.isSuppressed(element, Suppressions.WARNINGS)) {
      items.add(new Item(Diagnostic.Kind.WARNING, element, null, null, message));
    }
  }

  /** Whether no error was reported; warnings do not count. */
  public boolean isClean() {
    return items.stream().noneMatch(item -> item.kind() == Diagnostic.Kind.ERROR);
  }

  /** Prints the errors and warnings, in the order they were reported. */
  public void printTo(Messager messager) {
    for (Item item : items) {
      messager.printMessage(
          item.kind(), item.message(), item.element(), item.annotation(), item.value());
    }
  }
}
