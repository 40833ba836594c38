package dev.baton.processor.model;

/**
 * A {@code @Signal} method of a {@code @Workflow} type.
 *
 * @param signalName the signal name stored in history: {@code @Signal(name)} or the method name
 * @param constantName the name of its {@code SignalType} constant in the client
 * @param startWithName the name of the client's signal-with-start methods, {@code startWithX}
 * @param method the signal method
 */
public record SignalModel(
    String signalName, String constantName, String startWithName, MethodModel method) {}
