package dev.baton.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.baton.processor.Examples.compile;
import static dev.baton.processor.Examples.source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Generated sources compile against the runtime without a warning under {@code -Xlint:all -Werror},
 * and match the golden files. Run with {@code -Dbaton.golden.update=true} to rewrite the golden
 * files after an intended change, then review the diff.
 */
class GenerationTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden");

  @ParameterizedTest
  @ValueSource(strings = {"OrderFulfilmentClient", "OrderFulfilmentChildStub", "WarehouseStub"})
  void matchesGoldenFile(String simpleName) throws IOException {
    Compilation compilation =
        compile(Examples.MODEL, Examples.ORDER_FULFILMENT, Examples.WAREHOUSE);
    assertThat(compilation).succeededWithoutWarnings();
    String generated =
        compilation
            .generatedSourceFile("com.example.orders." + simpleName)
            .orElseThrow()
            .getCharContent(false)
            .toString();

    String file = simpleName + ".java";
    if (Boolean.getBoolean("baton.golden.update")) {
      Files.createDirectories(GOLDEN);
      Files.writeString(GOLDEN.resolve(file), generated);
      return;
    }
    try (InputStream golden = getClass().getResourceAsStream("/golden/" + file)) {
      if (golden == null) {
        fail("No golden file " + file + "; run with -Dbaton.golden.update=true to write it");
      }
      assertThat(generated)
          .as(
              "%s differs from golden/%s; if intended, run with -Dbaton.golden.update=true",
              simpleName, file)
          .isEqualTo(new String(golden.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  @Test
  void nestedTypesPrimitivesVoidAndGenerics() {
    JavaFileObject outer =
        source(
            "test.Outer",
            """
            package test;

            import dev.baton.Activity;
            import dev.baton.ActivityMethod;
            import dev.baton.Workflow;
            import dev.baton.WorkflowMethod;
            import java.util.List;
            import java.util.Map;

            @SuppressWarnings("baton") // activities with the default timeouts
            public class Outer {
              @Workflow(name = "nested-run")
              public interface Run {
                @WorkflowMethod
                void run();
              }

              @Workflow
              public static class Counter {
                @WorkflowMethod
                public long count(
                    int start, boolean up, char c, byte b, short s, float f, double d) {
                  return start;
                }
              }

              @Workflow
              public interface Generic {
                @WorkflowMethod
                Map<String, List<Integer>> group(
                    List<String> words, List<?> anything, Map<String, Object> raw, String... more);
              }

              public interface Base<T> {
                T echo(T value);
              }

              public interface Left {
                void shared();
              }

              public interface Right {
                void shared();
              }

              @Activity
              public interface Both extends Left, Right {}

              @Activity(name = "Steps")
              public interface Nested extends Base<String> {
                void nothing();

                int add(int a, int b);

                @ActivityMethod(name = "lone")
                void lone(String[] values);

                void many(long... values);

                List<Map<String, Integer>> tables(
                    Map<String, List<Integer>> options, String workflowId);
              }
            }
            """);

    Compilation compilation = compile(outer);

    assertThat(compilation).succeededWithoutWarnings();
    for (String name :
        new String[] {
          "Outer_RunClient", "Outer_RunChildStub",
          "Outer_CounterClient", "Outer_CounterChildStub",
          "Outer_GenericClient", "Outer_GenericChildStub",
          "Outer_NestedStub", "Outer_BothStub"
        }) {
      assertThat(compilation).generatedSourceFile("test." + name);
    }
    assertThat(compilation)
        .generatedSourceFile("test.Outer_RunClient")
        .contentsAsUtf8String()
        .contains("\"nested-run\",\n      \"default\",\n      TypeRef.of(Void.class));");
    assertThat(compilation)
        .generatedSourceFile("test.Outer_NestedStub")
        .contentsAsUtf8String()
        .contains("\"Steps.echo\",\n      ActivityOptions.none(),");
    // a class literal where it names the type; an anonymous TypeRef only for a generic one
    assertThat(compilation)
        .generatedSourceFile("test.Outer_CounterClient")
        .contentsAsUtf8String()
        .contains("TypeRef.of(Long.class),\n      TypeRef.of(Integer.class),");
    assertThat(compilation)
        .generatedSourceFile("test.Outer_GenericClient")
        .contentsAsUtf8String()
        .contains(
            "new TypeRef<Map<String, List<Integer>>>() {},\n      new TypeRef<List<String>>() {},");
    assertThat(compilation)
        .generatedSourceFile("test.Outer_NestedStub")
        .contentsAsUtf8String()
        .contains("TypeRef.of(String[].class)");
  }

  @Test
  void userTypesNamedLikeNestedGeneratedClasses() {
    JavaFileObject types =
        source(
            "test.Dispatcher",
            """
            package test;

            public record Dispatcher(String name) {
              public record Async(int n) {}
            }
            """);
    JavaFileObject contracts =
        source(
            "test.Routing",
            """
            package test;

            import dev.baton.Activity;
            import dev.baton.ActivityMethod;
            import dev.baton.Signal;
            import dev.baton.Workflow;
            import dev.baton.WorkflowMethod;

            public final class Routing {
              private Routing() {}

              @Workflow
              public interface Route {
                @WorkflowMethod
                Dispatcher route(Dispatcher.Async input);

                @Signal
                void reassign(Dispatcher dispatcher);
              }

              @Activity
              public interface Dispatch {
                @ActivityMethod(startToClose = "PT1M")
                Dispatcher.Async dispatch(Dispatcher dispatcher);
              }
            }
            """);

    Compilation compilation = compile(types, contracts);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation)
        .generatedSourceFile("test.Routing_RouteClient")
        .contentsAsUtf8String()
        .contains("public void reassign(String workflowId, test.Dispatcher dispatcher) {");
  }

  @Test
  void methodsNamedLikeTheBaseClassHelpersCallTheHelpersThroughSuper() {
    JavaFileObject helpers =
        source(
            "test.Helpers",
            """
            package test;

            import dev.baton.Activity;
            import dev.baton.ActivityMethod;
            import dev.baton.Signal;
            import dev.baton.Workflow;
            import dev.baton.WorkflowMethod;

            public final class Helpers {
              private Helpers() {}

              @Activity
              public interface Phone {
                @ActivityMethod(startToClose = "PT1M")
                String call(String number);
              }

              @Workflow
              public interface Starter {
                @WorkflowMethod
                String startChild(String name);

                @Signal
                void signalChild(String value);
              }

              @Workflow
              public interface Other {
                @WorkflowMethod
                String run(String name);

                @Signal
                void startChild(String value);
              }
            }
            """);

    Compilation compilation = compile(helpers);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation)
        .generatedSourceFile("test.Helpers_PhoneStub")
        .contentsAsUtf8String()
        .contains("return super.call(CALL, number).get();");
    assertThat(compilation)
        .generatedSourceFile("test.Helpers_PhoneStub")
        .contentsAsUtf8String()
        .contains("return super.call(CALL, number);");
    assertThat(compilation)
        .generatedSourceFile("test.Helpers_StarterChildStub")
        .contentsAsUtf8String()
        .contains("return super.startChild(name).get();");
    assertThat(compilation)
        .generatedSourceFile("test.Helpers_StarterChildStub")
        .contentsAsUtf8String()
        .contains("return Helpers_StarterChildStub.super.startChild(name);");
    assertThat(compilation)
        .generatedSourceFile("test.Helpers_StarterChildStub")
        .contentsAsUtf8String()
        .contains("super.signalChild(Helpers_StarterClient.SIGNAL_CHILD, value);");
    assertThat(compilation)
        .generatedSourceFile("test.Helpers_OtherChildStub")
        .contentsAsUtf8String()
        .contains("return super.startChild(name).get();");
  }

  @Test
  void waitsForTypesGeneratedInLaterRounds() {
    JavaFileObject workflow =
        source(
            "test.Later",
            """
            package test;

            import dev.baton.Workflow;
            import dev.baton.WorkflowMethod;

            @Workflow
            public interface Later {
              @WorkflowMethod
              GeneratedLater run(GeneratedLater input);
            }
            """);

    Compilation compilation =
        Compiler.javac()
            .withProcessors(new GeneratesOneClass(), new BatonProcessor())
            .withOptions("-Xlint:all,-processing", "-Werror")
            .compile(workflow);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation)
        .generatedSourceFile("test.LaterClient")
        .contentsAsUtf8String()
        .contains("TypeRef.of(GeneratedLater.class)");
  }

  /**
   * Generates {@code test.GeneratedLater} in the first round, as other processors do. It runs
   * first: Baton claims its own annotations, so a {@code "*"} processor after it would not run in a
   * round that holds only those.
   */
  private static final class GeneratesOneClass extends AbstractProcessor {
    private boolean done;

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      if (!done) {
        done = true;
        try (var writer =
            processingEnv.getFiler().createSourceFile("test.GeneratedLater").openWriter()) {
          writer.write("package test; public class GeneratedLater {}");
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      }
      return false;
    }
  }
}
