package dev.baton.bench;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * B8: compiles 100 {@code @Workflow} and 100 {@code @Activity} interfaces with an implementation
 * each (400 sources), in this JVM through {@code javax.tools}, without ({@code -proc:none}) and
 * with Baton's processor (generation and the determinism lint); reports the seconds it adds. The
 * implementations do not use generated code, so both variants compile the same sources.
 */
final class CompileBench {
  private static final int PAIRS = 100;
  private final Bench bench;

  CompileBench(Bench bench) {
    this.bench = bench;
  }

  void run() throws IOException {
    Path sources = bench.work.resolve("b8-src");
    List<Path> files = generate(sources);
    String classPath = System.getProperty("java.class.path");
    List<Double> without = new ArrayList<>();
    List<Double> with = new ArrayList<>();
    int errors = 0;
    for (int r = -2; r < bench.runs; r++) { // two warm-up rounds
      double plain = compile(files, classPath, false, bench.work.resolve("b8-plain-" + r));
      double processed = compile(files, classPath, true, bench.work.resolve("b8-proc-" + r));
      if (plain < 0 || processed < 0) {
        errors++;
      }
      if (r >= 0) {
        without.add(Math.abs(plain));
        with.add(Math.abs(processed));
      }
    }
    if (!Files.exists(bench.work.resolve("b8-proc-0/dev/baton/b8/W0Client.class"))) {
      errors++;
      System.out.println("B8: the processor did not generate W0Client");
    }
    List<Double> added = new ArrayList<>();
    for (int i = 0; i < with.size(); i++) {
      added.add(with.get(i) - without.get(i));
    }
    String what = "compile " + files.size() + " sources (100 @Workflow + 100 @Activity + impls)";
    bench.report.add(
        "B8.added",
        what + ": time the processor adds",
        "s",
        added,
        "errors",
        errors,
        "withoutS",
        Stats.median(without),
        "withS",
        Stats.median(with));
  }

  /** Seconds to compile; negative when compilation failed. */
  private static double compile(List<Path> files, String classPath, boolean processor, Path out)
      throws IOException {
    Files.createDirectories(out);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    List<String> options = new ArrayList<>();
    options.addAll(List.of("--release", "17", "-d", out.toString(), "-classpath", classPath));
    if (processor) {
      options.addAll(List.of("-processorpath", classPath));
    } else {
      options.add("-proc:none");
    }
    StringWriter diagnostics = new StringWriter();
    long t0 = System.nanoTime();
    boolean ok;
    try (StandardJavaFileManager fileManager =
        javac.getStandardFileManager(null, Locale.ROOT, null)) {
      ok =
          javac
              .getTask(
                  diagnostics,
                  fileManager,
                  null,
                  options,
                  null,
                  fileManager.getJavaFileObjectsFromPaths(files))
              .call();
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    if (!ok) {
      System.out.println("B8 compilation failed:\n" + diagnostics);
    }
    return ok ? seconds : -seconds;
  }

  private static List<Path> generate(Path root) throws IOException {
    Path dir = root.resolve("dev/baton/b8");
    Files.createDirectories(dir);
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < PAIRS; i++) {
      files.add(
          write(
              dir,
              "A" + i,
              "package dev.baton.b8;\n"
                  + "import dev.baton.Activity;\nimport dev.baton.ActivityMethod;\n"
                  + "import dev.baton.Retry;\nimport java.util.List;\n"
                  + "@Activity\npublic interface A"
                  + i
                  + " {\n"
                  + "  @ActivityMethod(startToClose = \"PT30S\", retry = @Retry(maximumAttempts ="
                  + " 3))\n"
                  + "  String first(String order, int quantity);\n"
                  + "  @ActivityMethod(startToClose = \"PT1M\")\n"
                  + "  List<String> second(List<String> lines);\n"
                  + "}\n"));
      files.add(
          write(
              dir,
              "A" + i + "Impl",
              "package dev.baton.b8;\nimport java.util.List;\n"
                  + "public class A"
                  + i
                  + "Impl implements A"
                  + i
                  + " {\n"
                  + "  public String first(String order, int quantity) { return order + quantity;"
                  + " }\n"
                  + "  public List<String> second(List<String> lines) { return List.copyOf(lines);"
                  + " }\n"
                  + "}\n"));
      files.add(
          write(
              dir,
              "W" + i,
              "package dev.baton.b8;\n"
                  + "import dev.baton.Query;\nimport dev.baton.Signal;\n"
                  + "import dev.baton.Workflow;\nimport dev.baton.WorkflowMethod;\n"
                  + "@Workflow(taskQueue = \"b8\")\npublic interface W"
                  + i
                  + " {\n"
                  + "  @WorkflowMethod\n  String run(String order, int quantity);\n"
                  + "  @Signal\n  void approve(String manager);\n"
                  + "  @Query\n  String status();\n"
                  + "}\n"));
      files.add(
          write(
              dir,
              "W" + i + "Impl",
              "package dev.baton.b8;\nimport dev.baton.Workflows;\nimport java.time.Duration;\n"
                  + "public class W"
                  + i
                  + "Impl implements W"
                  + i
                  + " {\n"
                  + "  private String approvedBy;\n"
                  + "  public String run(String order, int quantity) {\n"
                  + "    Workflows.await(Duration.ofDays(1), () -> approvedBy != null);\n"
                  + "    for (int i = 0; i < quantity; i++) {\n"
                  + "      Workflows.sleep(Duration.ofMinutes(1));\n"
                  + "    }\n"
                  + "    return order + \" approved by \" + approvedBy + \" at \""
                  + " + Workflows.currentTime();\n"
                  + "  }\n"
                  + "  public void approve(String manager) { approvedBy = manager; }\n"
                  + "  public String status() { return approvedBy == null ? \"waiting\" :"
                  + " \"approved\"; }\n"
                  + "}\n"));
    }
    return files;
  }

  private static Path write(Path dir, String name, String source) throws IOException {
    Path file = dir.resolve(name + ".java");
    Files.writeString(file, source);
    return file;
  }
}
