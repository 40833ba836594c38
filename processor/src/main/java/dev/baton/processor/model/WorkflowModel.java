package dev.baton.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.List;

/**
 * A valid {@code @Workflow} type, everything its client and dispatcher need.
 *
 * @param workflowClass the annotated interface or class
 * @param name the workflow type name
 * @param taskQueue the default task queue
 * @param workflowMethod the {@code @WorkflowMethod}
 * @param failRunOn the exception types that fail the run, in declared order
 */
public record WorkflowModel(
    ClassName workflowClass,
    String name,
    String taskQueue,
    MethodModel workflowMethod,
    List<ClassName> failRunOn) {

  /** Copies the list. */
  public WorkflowModel {
    failRunOn = List.copyOf(failRunOn);
  }

  /** The generated client, {@code XClient}. */
  public ClassName clientName() {
    return GeneratedNames.sibling(workflowClass, "Client");
  }

  /** The generated dispatcher, {@code XDispatcher}. */
  public ClassName dispatcherName() {
    return GeneratedNames.sibling(workflowClass, "Dispatcher");
  }
}
