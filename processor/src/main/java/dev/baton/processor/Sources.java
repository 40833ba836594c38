package dev.baton.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import java.io.IOException;
import javax.annotation.processing.Filer;
import javax.lang.model.element.TypeElement;

/** Writes generated classes, tied to the annotated type they come from. */
public final class Sources {
  private Sources() {}

  /**
   * Writes {@code spec} as {@code name}, recording {@code origin} so that incremental builds
   * regenerate it when the annotated type changes.
   */
  public static void write(Filer filer, ClassName name, TypeSpec spec, TypeElement origin)
      throws IOException {
    TypeSpec withOrigin = spec.toBuilder().addOriginatingElement(origin).build();
    JavaFile.builder(name.packageName(), withOrigin)
        .skipJavaLangImports(true)
        .build()
        .writeTo(filer);
  }
}
