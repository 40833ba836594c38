package dev.baton.internal.store;

/**
 * Asks an activity completion to lease the run's next workflow task at once to {@code owner}: the
 * worker that holds the run in its cache and has set a workflow slot aside, so that the completion
 * and the task's start are one commit, and no claim follows.
 *
 * @param owner the worker's identity
 * @param leaseMillis the lease of the workflow task, the worker's workflow task timeout
 */
public record EagerWorkflowTask(String owner, long leaseMillis) {}
