package dev.baton.processor.model;

import com.palantir.javapoet.TypeName;

/**
 * A parameter of a workflow or activity method.
 *
 * @param name the name declared in source
 * @param type the declared type, primitive or generic types kept as written
 */
public record Parameter(String name, TypeName type) {}
