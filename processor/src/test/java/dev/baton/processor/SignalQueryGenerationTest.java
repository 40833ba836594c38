package dev.baton.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.baton.processor.Examples.compile;
import static dev.baton.processor.Examples.source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.testing.compile.Compilation;
import dev.baton.Baton;
import dev.baton.QueryType;
import dev.baton.SignalType;
import dev.baton.TypeRef;
import dev.baton.WorkflowDispatcher;
import dev.baton.WorkflowOptions;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Signal and query members of generated clients and dispatchers: every parameter shape compiles
 * warning-free, callers can use them, and the generated code passes arguments through unchanged.
 */
class SignalQueryGenerationTest {
  private static final JavaFileObject SHAPES =
      source(
          "test.Shapes",
          """
          package test;

          import dev.baton.Query;
          import dev.baton.Signal;
          import dev.baton.Workflow;
          import dev.baton.WorkflowMethod;
          import java.util.List;
          import java.util.Map;

          @Workflow
          public interface Shapes extends Base, Other {
            @WorkflowMethod
            void run(String workflowId, String... more);

            @Signal
            void ping();

            @Signal
            void tags(String... tags);

            @Signal
            void lone(String[] values);

            @Signal(name = "renamed")
            void rename(
                String workflowId, String options, String baton, List<Map<String, Integer>> more);

            @Query
            long count();

            @Query
            boolean ready(int timeout);

            @Query
            Map<String, List<Integer>> table(List<String> keys);

            @Query
            char[] letters(char[] from);
          }
          """);

  /** Two superinterfaces declare one signal: it is one signal, not an overload. */
  private static final JavaFileObject BASES =
      source(
          "test.Base",
          """
          package test;

          import dev.baton.Signal;

          public interface Base {
            @Signal
            void shared(String value);
          }

          interface Other {
            @Signal
            void shared(String value);
          }
          """);

  /** Uses every generated member as an application would; compiled under -Werror. */
  private static final JavaFileObject CALLER =
      source(
          "test.Caller",
          """
          package test;

          import dev.baton.WorkflowHandle;
          import dev.baton.WorkflowOptions;
          import java.time.Duration;
          import java.util.List;
          import java.util.Map;

          public final class Caller {
            private Caller() {}

            static void call(ShapesClient shapes, WorkflowOptions options) {
              shapes.ping("id");
              shapes.tags("id", "a", "b");
              shapes.lone("id", new String[] {"x"});
              shapes.rename("id", "w", "o", "b", List.of(Map.of("k", 1)));
              shapes.shared("id", "v");
              WorkflowHandle<Void> first = shapes.startWithPing("id", "w", "m1", "m2");
              WorkflowHandle<Void> second =
                  shapes.startWithTags(options, "w", new String[] {"m"}, "t1", "t2");
              WorkflowHandle<Void> third =
                  shapes.startWithRename("id", "w", new String[0], "w", "o", "b", List.of());
              long count = shapes.count("id") + shapes.count("id", Duration.ofSeconds(1));
              boolean ready = shapes.ready("id", 3) && shapes.ready("id", Duration.ofSeconds(1), 3);
              Map<String, List<Integer>> table = shapes.table("id", List.of("k"));
              char[] letters = shapes.letters("id", Duration.ofSeconds(1), new char[] {'a'});
              System.out.println(
                  List.of(first, second, third, count, ready, table, String.valueOf(letters)));
            }
          }
          """);

  @Test
  void everyShapeCompilesWithoutWarnings() {
    Compilation compilation = compile(SHAPES, BASES, CALLER);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation)
        .generatedSourceFile("test.ShapesClient")
        .contentsAsUtf8String()
        .contains(
            "public long count(String workflowId) {\n"
                + "    return baton().query(workflowId, COUNT);");
    assertThat(compilation)
        .generatedSourceFile("test.ShapesClient")
        .contentsAsUtf8String()
        .contains("public static final SignalType PING = SignalType.of(\"ping\");");
    assertThat(compilation)
        .generatedSourceFile("test.ShapesClient")
        .contentsAsUtf8String()
        .contains("baton().signal(workflowId, TAGS, (Object) tags);");
    assertThat(compilation)
        .generatedSourceFile("test.ShapesClient")
        .contentsAsUtf8String()
        .contains("@SuppressWarnings(\"unchecked\")\n    public void signal(");
    assertThat(compilation)
        .generatedSourceFile("test.ShapesClient")
        .contentsAsUtf8String()
        .contains("case \"table\":\n          return workflow.table((List<String>) arguments[0]);");
  }

  @Test
  void namesThatCouldEndAJavadocCommentAreEscaped() {
    JavaFileObject odd =
        source(
            "test.Odd",
            """
            package test;

            import dev.baton.Query;
            import dev.baton.Signal;
            import dev.baton.Workflow;
            import dev.baton.WorkflowMethod;

            @Workflow(name = "odd*/name")
            public interface Odd {
              @WorkflowMethod
              void run();

              @Signal(name = "end*/ {@link x} <b> \\\\u002a/")
              void approve();

              @Query(name = "q*/")
              String status();
            }
            """);

    Compilation compilation = compile(odd);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation)
        .generatedSourceFile("test.OddClient")
        .contentsAsUtf8String()
        .contains("The end*&#47; &#123;&#64;link x&#125; &lt;b&gt; &#92;u002a/ signal, handled by");
  }

  @Test
  void dispatcherCallsTheNamedMethodWithTheDecodedArguments() throws Exception {
    ClassLoader loader = load(compile(SHAPES, BASES));
    Class<?> shapes = loader.loadClass("test.Shapes");
    List<String> calls = new ArrayList<>();
    Object workflow =
        Proxy.newProxyInstance(
            loader,
            new Class<?>[] {shapes},
            (proxy, method, args) -> {
              calls.add(method.getName() + deepToString(args));
              return switch (method.getName()) {
                case "count" -> 7L;
                case "ready" -> true;
                case "letters" -> new char[] {'z'};
                default -> null;
              };
            });
    @SuppressWarnings("unchecked") // the generated dispatcher is a WorkflowDispatcher<Shapes>
    WorkflowDispatcher<Object> dispatcher =
        (WorkflowDispatcher<Object>)
            loader.loadClass("test.ShapesClient$Dispatcher").getConstructor().newInstance();

    assertThat(dispatcher.signalTypes())
        .extracting(SignalType::name)
        .containsExactly("lone", "ping", "renamed", "shared", "tags");
    assertThat(dispatcher.queryTypes())
        .extracting(QueryType::name)
        .containsExactly("count", "letters", "ready", "table");
    QueryType<?> letters = dispatcher.queryTypes().get(1);
    assertThat(letters.resultType()).isEqualTo(new TypeRef<char[]>() {});
    assertThat(letters.parameterTypes()).containsExactly(new TypeRef<char[]>() {});

    dispatcher.signal(workflow, "tags", new Object[] {new String[] {"a", "b"}});
    dispatcher.signal(workflow, "renamed", new Object[] {"w", "o", "b", List.of()});
    dispatcher.signal(workflow, "ping", new Object[0]);
    assertThat(dispatcher.query(workflow, "count", new Object[0])).isEqualTo(7L);
    assertThat(dispatcher.query(workflow, "ready", new Object[] {3})).isEqualTo(true);
    assertThat(calls)
        .containsExactly("tags[[a, b]]", "rename[w, o, b, []]", "ping", "count", "ready[3]");

    assertThatThrownBy(() -> dispatcher.signal(workflow, "status", new Object[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Workflow type Shapes has no signal named status");
    assertThatThrownBy(() -> dispatcher.query(workflow, "ping", new Object[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Workflow type Shapes has no query named ping");
  }

  @Test
  void clientPassesArgumentsToBatonUnchanged() throws Exception {
    ClassLoader loader = load(compile(SHAPES, BASES));
    Class<?> clientClass = loader.loadClass("test.ShapesClient");
    List<String> calls = new ArrayList<>();
    Baton baton =
        (Baton)
            Proxy.newProxyInstance(
                loader,
                new Class<?>[] {Baton.class},
                (proxy, method, args) -> {
                  calls.add(method.getName() + deepToString(args));
                  return method.getName().equals("query") ? 5L : null;
                });
    Object client = clientClass.getMethod("of", Baton.class).invoke(null, baton);
    SignalType tags = (SignalType) clientClass.getField("TAGS").get(null);
    SignalType ping = (SignalType) clientClass.getField("PING").get(null);
    QueryType<?> count = (QueryType<?>) clientClass.getField("COUNT").get(null);
    WorkflowOptions options = WorkflowOptions.of("id");

    invoke(client, "tags", new Class<?>[] {String.class, String[].class}, "id", new String[] {"a"});
    invoke(
        client,
        "startWithPing",
        new Class<?>[] {String.class, String.class, String[].class},
        "id",
        "w",
        new String[] {"m"});
    invoke(
        client,
        "startWithTags",
        new Class<?>[] {WorkflowOptions.class, String.class, String[].class, String[].class},
        options,
        "w",
        new String[] {"m"},
        new String[] {"t"});
    Object answer =
        invoke(
            client,
            "count",
            new Class<?>[] {String.class, Duration.class},
            "id",
            Duration.ofSeconds(2));

    Object type = clientClass.getField("TYPE").get(null);
    assertThat(answer).isEqualTo(5L);
    assertThat(calls)
        .containsExactly(
            "signal[id, " + tags + ", [[a]]]",
            "signalWithStart["
                + type
                + ", "
                + WorkflowOptions.of("id")
                + ", [w, [m]], "
                + ping
                + ", []]",
            "signalWithStart[" + type + ", " + options + ", [w, [m]], " + tags + ", [[t]]]",
            "query[id, PT2S, " + count + ", []]");
  }

  private static Object invoke(Object target, String name, Class<?>[] types, Object... arguments)
      throws Exception {
    Method method = target.getClass().getMethod(name, types);
    try {
      return method.invoke(target, arguments);
    } catch (InvocationTargetException e) {
      throw (Exception) e.getCause();
    }
  }

  private static String deepToString(Object[] arguments) {
    return arguments == null ? "" : Arrays.deepToString(arguments);
  }

  /** A class loader over the classes {@code compilation} wrote, on top of the test classpath. */
  private static ClassLoader load(Compilation compilation) throws Exception {
    assertThat(compilation).succeededWithoutWarnings();
    Map<String, byte[]> classes = new HashMap<>();
    for (JavaFileObject file : compilation.generatedFiles()) {
      if (file.getKind() == JavaFileObject.Kind.CLASS) {
        String path = file.toUri().getPath();
        String name =
            path.substring(path.indexOf("/test/") + 1, path.length() - ".class".length())
                .replace('/', '.');
        try (var in = file.openInputStream()) {
          classes.put(name, in.readAllBytes());
        }
      }
    }
    return new ClassLoader(SignalQueryGenerationTest.class.getClassLoader()) {
      @Override
      protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytes = classes.get(name);
        if (bytes == null) {
          throw new ClassNotFoundException(name);
        }
        return defineClass(name, bytes, 0, bytes.length);
      }
    };
  }
}
