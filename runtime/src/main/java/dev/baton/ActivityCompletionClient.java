package dev.baton;

/**
 * Completes or fails an activity task by its task token ({@link ActivityContext#taskToken()}), from
 * any process. A completion is recorded only while the token's lease is valid: one from a worker
 * whose lease expired, or a second completion, is rejected and changes nothing.
 */
public interface ActivityCompletionClient {
  /**
   * Records {@code result} as the activity's result.
   *
   * @throws ActivityLeaseLostException if the token is no longer valid
   * @throws IllegalArgumentException if the token is malformed
   */
  void complete(String taskToken, @org.jspecify.annotations.Nullable Object result);

  /**
   * Records a failed attempt; the activity's retry policy decides whether it is retried.
   *
   * @throws ActivityLeaseLostException if the token is no longer valid
   */
  void fail(String taskToken, Throwable failure);

  /**
   * Records a heartbeat of the activity: renews its lease by its heartbeat timeout and stores
   * {@code details} (when not {@code null}) for a later attempt to read through {@link
   * ActivityContext#heartbeatDetails(Class)}. For activities completed by token, whose worker
   * returned long ago.
   *
   * @throws ActivityLeaseLostException if the token is no longer valid: stop working on it
   * @throws IllegalArgumentException if the token is malformed
   */
  void heartbeat(String taskToken, @org.jspecify.annotations.Nullable Object details);
}
