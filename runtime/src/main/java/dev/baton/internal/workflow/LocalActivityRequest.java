package dev.baton.internal.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.internal.history.RetryPolicyData;

/**
 * A local activity the worker must run for a workflow task, from attempt {@code attempt} on, and
 * the settings that bound its retries.
 *
 * @param workflowId the calling workflow's id
 * @param runId the calling run's id
 * @param seq the activity's sequence number in the run, its activity id
 * @param activityType the activity type name
 * @param input the encoded arguments
 * @param attempt the first attempt to make (greater than 1 after a retry timer)
 * @param scheduledTimeMillis when the workflow first called the activity, in workflow time
 * @param startToCloseMillis how long one attempt may run
 * @param remainingMillis how long all attempts may still take, from now; {@link Long#MAX_VALUE}
 *     when unbounded
 * @param retry the retry policy
 * @param localRetryThresholdMillis the longest wait spent in the worker between attempts
 */
public record LocalActivityRequest(
    String workflowId,
    String runId,
    int seq,
    String activityType,
    JsonNode input,
    int attempt,
    long scheduledTimeMillis,
    long startToCloseMillis,
    long remainingMillis,
    RetryPolicyData retry,
    long localRetryThresholdMillis) {}
