package dev.baton.processor;

import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * The errors found in one annotated type, each on the most precise element, annotation and value,
 * collected so that a type is generated only when it has none.
 */
public final class ValidationReport {
  private record Item(
      Element element, AnnotationMirror annotation, AnnotationValue value, String message) {}

  private final List<Item> items = new ArrayList<>();

  /** Reports {@code message} on {@code element}. */
  public void error(Element element, String message) {
    items.add(new Item(element, null, null, message));
  }

  /** Reports {@code message} on {@code annotation} of {@code element}. */
  public void error(Element element, AnnotationMirror annotation, String message) {
    items.add(new Item(element, annotation, null, message));
  }

  /** Reports {@code message} on {@code value} of {@code annotation} of {@code element}. */
  public void error(
      Element element, AnnotationMirror annotation, AnnotationValue value, String message) {
    items.add(new Item(element, annotation, value, message));
  }

  /** Whether no error was reported. */
  public boolean isClean() {
    return items.isEmpty();
  }

  /** Prints the errors, in the order they were reported. */
  public void printTo(Messager messager) {
    for (Item item : items) {
      messager.printMessage(
          Diagnostic.Kind.ERROR, item.message(), item.element(), item.annotation(), item.value());
    }
  }
}
