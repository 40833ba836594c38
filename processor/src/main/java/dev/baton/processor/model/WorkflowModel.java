package dev.baton.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.List;

/**
 * A valid {@code @Workflow} type, everything its client, child stub and dispatcher need.
 *
 * @param workflowClass the annotated interface or class
 * @param name the workflow type name
 * @param taskQueue the default task queue
 * @param workflowMethod the {@code @WorkflowMethod}
 * @param failRunOn the exception types that fail the run, in declared order
 * @param signals the {@code @Signal} methods, sorted by signal name
 * @param queries the {@code @Query} methods, sorted by query name
 */
public record WorkflowModel(
    ClassName workflowClass,
    String name,
    String taskQueue,
    MethodModel workflowMethod,
    List<ClassName> failRunOn,
    List<SignalModel> signals,
    List<QueryModel> queries) {

  /** Copies the lists. */
  public WorkflowModel {
    failRunOn = List.copyOf(failRunOn);
    signals = List.copyOf(signals);
    queries = List.copyOf(queries);
  }

  /** The generated client, {@code XClient}. */
  public ClassName clientName() {
    return GeneratedNames.sibling(workflowClass, "Client");
  }

  /** The generated child stub, {@code XChildStub}. */
  public ClassName childStubName() {
    return GeneratedNames.sibling(workflowClass, "ChildStub");
  }

  /** The generated dispatcher, {@code XClient.Dispatcher}. */
  public ClassName dispatcherName() {
    return clientName().nestedClass("Dispatcher");
  }
}
