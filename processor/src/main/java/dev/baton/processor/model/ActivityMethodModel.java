package dev.baton.processor.model;

/**
 * One activity of an {@code @Activity} interface.
 *
 * @param activityName the activity type name, such as {@code Warehouse.reserve}
 * @param constantName the name of its {@code ActivityType} constant in the stub
 * @param method the interface method
 * @param options the options its annotations declare
 */
public record ActivityMethodModel(
    String activityName, String constantName, MethodModel method, OptionsModel options) {}
