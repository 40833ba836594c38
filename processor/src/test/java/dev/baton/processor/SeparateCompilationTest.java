package dev.baton.processor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.Baton;
import dev.baton.WorkflowType;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A contract module ({@code @Workflow} and {@code @Activity} interfaces, packaged as a jar) and an
 * implementation module compiled on their own, as two Maven modules would be, and a workflow run
 * across them; the determinism lint also checks the implementation module, which holds no Baton
 * annotation of its own.
 */
class SeparateCompilationTest {
  private static final String GREETER =
      """
      package com.example.contract;

      import dev.baton.Workflow;
      import dev.baton.WorkflowMethod;

      @Workflow(taskQueue = "greetings")
      public interface Greeter {
        @WorkflowMethod
        String greet(String name);
      }
      """;

  private static final String STAMPS =
      """
      package com.example.contract;

      import dev.baton.Activity;
      import dev.baton.ActivityMethod;

      @Activity
      public interface Stamps {
        @ActivityMethod(startToClose = "PT10S")
        String stamp(String text);
      }
      """;

  private static final String GREETER_IMPL =
      """
      package com.example.impl;

      import com.example.contract.Greeter;
      import com.example.contract.StampsStub;

      public class GreeterImpl implements Greeter {
        private final StampsStub stamps = StampsStub.create();

        @Override
        public String greet(String name) {
          return stamps.stamp("Hello, " + name);
        }
      }
      """;

  private static final String STAMPS_IMPL =
      """
      package com.example.impl;

      import com.example.contract.Stamps;

      public class StampsImpl implements Stamps {
        @Override
        public String stamp(String text) {
          return text + " (stamped at " + System.currentTimeMillis() + ")";
        }
      }
      """;

  private static final String CLOCK_READING_IMPL =
      """
      package com.example.impl;

      import com.example.contract.Greeter;

      public class ClockReadingGreeter implements Greeter {
        @Override
        public String greet(String name) {
          return name + System.currentTimeMillis();
        }
      }
      """;

  @Test
  void contractAndImplementationCompiledApartRunAWorkflow(@TempDir Path dir) throws Exception {
    Path contractJar = compileContract(dir);
    Path implClasses = dir.resolve("impl-classes");
    List<Diagnostic<? extends JavaFileObject>> implDiagnostics =
        compile(
            dir.resolve("impl-src"),
            implClasses,
            List.of(contractJar),
            List.of(GREETER_IMPL, STAMPS_IMPL));
    assertThat(implDiagnostics).isEmpty();
    try (Stream<Path> files = Files.walk(implClasses)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .as("the implementation module generates nothing: the stubs are in the contract jar")
          .doesNotContain("StampsStub.class", "GreeterClient.class");
    }

    try (URLClassLoader loader =
            new URLClassLoader(
                new URL[] {contractJar.toUri().toURL(), implClasses.toUri().toURL()},
                getClass().getClassLoader());
        Baton baton = Baton.embedded(dir.resolve("db"))) {
      baton
          .newWorker("greetings")
          .registerWorkflow(loader.loadClass("com.example.impl.GreeterImpl"))
          .registerActivities(
              loader.loadClass("com.example.impl.StampsImpl").getConstructor().newInstance())
          .start();
      WorkflowType<?> type =
          (WorkflowType<?>)
              loader.loadClass("com.example.contract.GreeterClient").getField("TYPE").get(null);

      Object result = baton.start(type, "greet-ada", "Ada").result(Duration.ofSeconds(30));

      assertThat(result).asString().startsWith("Hello, Ada (stamped at ");
    }
  }

  @Test
  void determinismLintChecksAnImplementationModuleWithoutBatonAnnotations(@TempDir Path dir)
      throws Exception {
    Path contractJar = compileContract(dir);

    List<Diagnostic<? extends JavaFileObject>> diagnostics =
        compile(
            dir.resolve("impl-src"),
            dir.resolve("impl-classes"),
            List.of(contractJar),
            List.of(CLOCK_READING_IMPL, STAMPS_IMPL));

    assertThat(diagnostics)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.getKind()).isEqualTo(Diagnostic.Kind.ERROR);
              assertThat(d.getMessage(null)).startsWith(Message.CLOCK_CALL.id());
              assertThat(d.getSource().getName()).endsWith("ClockReadingGreeter.java");
              assertThat(d.getLineNumber()).isEqualTo(8);
            });
  }

  /** Compiles the contract with the processor and packages classes and stubs as a jar. */
  private static Path compileContract(Path dir) throws IOException {
    Path classes = dir.resolve("contract-classes");
    assertThat(compile(dir.resolve("contract-src"), classes, List.of(), List.of(GREETER, STAMPS)))
        .isEmpty();
    Path jar = dir.resolve("contract.jar");
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream jarOut = new JarOutputStream(out);
        Stream<Path> files = Files.walk(classes)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        jarOut.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
        Files.copy(file, jarOut);
        jarOut.closeEntry();
      }
    }
    return jar;
  }

  /**
   * Compiles {@code sources} (written under {@code sourceDir}) into {@code classes} with the
   * processor, as strictly as users do, against the test class path and {@code extraClassPath};
   * returns the diagnostics.
   */
  private static List<Diagnostic<? extends JavaFileObject>> compile(
      Path sourceDir, Path classes, List<Path> extraClassPath, List<String> sources)
      throws IOException {
    Files.createDirectories(classes);
    Path generated =
        Files.createDirectories(sourceDir.resolveSibling(sourceDir.getFileName() + "-generated"));
    List<Path> files = new ArrayList<>();
    for (String source : sources) {
      String packageName = source.substring(8, source.indexOf(';'));
      String typeName = source.split("(class|interface) ")[1].split("[ <{]")[0];
      Path file = sourceDir.resolve(packageName.replace('.', '/')).resolve(typeName + ".java");
      Files.createDirectories(file.getParent());
      Files.writeString(file, source);
      files.add(file);
    }
    StringBuilder classPath = new StringBuilder(System.getProperty("java.class.path"));
    extraClassPath.forEach(p -> classPath.append(java.io.File.pathSeparator).append(p));

    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager fileManager =
        javac.getStandardFileManager(diagnostics, null, null)) {
      JavaCompiler.CompilationTask task =
          javac.getTask(
              null,
              fileManager,
              diagnostics,
              List.of(
                  "-Xlint:all",
                  "-Werror",
                  "-classpath",
                  classPath.toString(),
                  "-d",
                  classes.toString(),
                  "-s",
                  generated.toString()),
              null,
              fileManager.getJavaFileObjectsFromPaths(files));
      task.setProcessors(List.of(new BatonProcessor()));
      task.call();
    }
    return diagnostics.getDiagnostics();
  }
}
