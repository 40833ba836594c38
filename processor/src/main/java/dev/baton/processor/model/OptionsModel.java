package dev.baton.processor.model;

import java.util.Optional;

/**
 * The activity options that annotations set; what they leave unset is absent. Durations are kept as
 * written (ISO-8601), already checked to parse.
 *
 * @param taskQueue {@code @Activity(taskQueue)}
 * @param startToClose {@code @ActivityMethod(startToClose)}
 * @param scheduleToClose {@code @ActivityMethod(scheduleToClose)}
 * @param scheduleToStart {@code @ActivityMethod(scheduleToStart)}
 * @param heartbeat {@code @ActivityMethod(heartbeat)}
 * @param retry {@code @ActivityMethod(retry)}, absent when left at its defaults
 */
public record OptionsModel(
    Optional<String> taskQueue,
    Optional<String> startToClose,
    Optional<String> scheduleToClose,
    Optional<String> scheduleToStart,
    Optional<String> heartbeat,
    Optional<RetryModel> retry) {}
