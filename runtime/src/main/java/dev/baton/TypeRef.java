package dev.baton;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Objects;

/**
 * A Java type kept whole, generic arguments included ({@code List<Item>}, not {@code List.class}),
 * so payloads decode to exactly the declared type. Capture one with an anonymous subclass: {@code
 * new TypeRef<List<Item>>() {}}, or use {@link #of(Class)} for a plain class.
 *
 * @param <T> the type referred to
 */
public abstract class TypeRef<T> {
  private final Type type;

  /** Captures the type argument of the anonymous subclass being created. */
  protected TypeRef() {
    Type superclass = getClass().getGenericSuperclass();
    if (!(superclass instanceof ParameterizedType parameterized)) {
      throw new IllegalStateException(
          "TypeRef needs a type argument: write new TypeRef<MyType>() {}");
    }
    this.type = parameterized.getActualTypeArguments()[0];
  }

  private TypeRef(Type type) {
    this.type = Objects.requireNonNull(type, "type");
  }

  /** A reference to a plain (non-generic) class. */
  public static <T> TypeRef<T> of(Class<T> type) {
    return new TypeRef<T>(type) {};
  }

  /** A reference to any reflected type; the caller vouches that it matches {@code T}. */
  public static <T> TypeRef<T> ofType(Type type) {
    return new TypeRef<T>(type) {};
  }

  /** The referred type. */
  public final Type type() {
    return type;
  }

  @Override
  public final boolean equals(Object other) {
    return other instanceof TypeRef<?> that && type.equals(that.type);
  }

  @Override
  public final int hashCode() {
    return type.hashCode();
  }

  @Override
  public final String toString() {
    return type.getTypeName();
  }
}
