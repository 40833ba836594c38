package dev.baton;

/**
 * Whether a start may reuse a workflow id whose latest run has closed. A running id is never
 * reused: its start throws {@link WorkflowAlreadyStartedException} whatever the policy.
 */
public enum WorkflowIdReusePolicy {
  /** A closed id may be started again, whatever its last run's status (the default). */
  ALLOW_DUPLICATE,
  /** A closed id may be started again only if its last run did not complete successfully. */
  ALLOW_DUPLICATE_FAILED_ONLY,
  /** An id that has had a run can never be started again. */
  REJECT_DUPLICATE
}
