package dev.baton.processor.model;

/**
 * A {@code @Query} method of a {@code @Workflow} type.
 *
 * @param queryName the query name: {@code @Query(name)} or the method name
 * @param constantName the name of its {@code QueryType} constant in the client
 * @param method the query method
 */
public record QueryModel(String queryName, String constantName, MethodModel method) {}
