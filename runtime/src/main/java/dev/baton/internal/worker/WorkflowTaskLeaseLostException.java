package dev.baton.internal.worker;

/** A workflow task gave up because its lease was lost (or its worker is stopping). */
final class WorkflowTaskLeaseLostException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  WorkflowTaskLeaseLostException(String message) {
    super(message);
  }
}
