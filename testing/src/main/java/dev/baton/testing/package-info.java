/**
 * Baton's test harness: {@link dev.baton.testing.TestWorkflowEnvironment} runs workflows in memory
 * with virtual time, {@link dev.baton.testing.ActivityMock} stands in for activities, {@link
 * dev.baton.testing.BatonTest} wires both into JUnit 5, and {@link
 * dev.baton.testing.WorkflowReplayer} checks that code still replays recorded histories.
 */
@NullMarked
package dev.baton.testing;

import org.jspecify.annotations.NullMarked;
