package dev.baton.it.greeter;

import dev.baton.Baton;
import java.nio.file.Path;

/**
 * A worker JVM that serves only {@link Greeter}, started with a class path holding Baton and this
 * package but not the parent workflows. Arguments: the database spec, then the MariaDB user and
 * password.
 */
public final class GreeterWorker {
  private GreeterWorker() {}

  public static void main(String[] args) throws Exception {
    try {
      Class.forName("dev.baton.it.Family");
      System.out.println("NOT ISOLATED: the parent workflows are on the class path");
    } catch (ClassNotFoundException e) {
      System.out.println("ISOLATED");
    }
    String spec = args[0];
    Baton baton =
        spec.startsWith("h2:")
            ? Baton.embedded(Path.of(spec.substring(3)))
            : Baton.connect(spec.substring(6), args[1], args[2]);
    baton.newWorker("greeters").registerWorkflow(Greeter.Impl.class).start();
    System.out.println("READY");
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
