package dev.baton.internal.testing;

import dev.baton.Workflow;
import dev.baton.testing.NonDeterministicCallException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.function.Consumer;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.pool.TypePool;

/**
 * Loads one workflow implementation class, its nested classes and (for a class that is itself the
 * {@code @Workflow} type) its generated dispatcher a second time, child-first, with the {@linkplain
 * GuardingMethodVisitor determinism guard} woven in. Every other class, the workflow interface and
 * the activity classes among them, comes from the parent, so the guarded copy plugs into the same
 * generated code and activities are never instrumented. No agent and no redefinition of loaded
 * classes are needed, so this works the same on every JDK from 17 on.
 */
public final class GuardedClassLoader extends ClassLoader {
  static {
    registerAsParallelCapable();
  }

  private final String root;
  private final Set<String> dispatchers;
  private final ClassFileLocator locator;
  private final TypePool pool;
  private final Consumer<NonDeterministicCallException> reporter;

  private GuardedClassLoader(Class<?> implementation, Consumer<NonDeterministicCallException> r) {
    super("baton-guard-" + implementation.getSimpleName(), implementation.getClassLoader());
    this.root = implementation.getName();
    String pkg = implementation.getPackageName();
    String simple = pkg.isEmpty() ? root : root.substring(pkg.length() + 1);
    // A class that is its own @Workflow type is named by its generated dispatcher, which must
    // then see the guarded copy: XClient$Dispatcher, or a sibling XDispatcher (see Registry).
    String generated = (pkg.isEmpty() ? "" : pkg + ".") + simple.replace('$', '_');
    this.dispatchers =
        implementation.isAnnotationPresent(Workflow.class)
            ? Set.of(generated + "Client$Dispatcher", generated + "Dispatcher")
            : Set.of();
    this.locator = ClassFileLocator.ForClassLoader.of(implementation.getClassLoader());
    this.pool = TypePool.Default.of(locator);
    this.reporter = r;
  }

  /**
   * The guarded copy of {@code implementation}; each forbidden call it makes is passed to {@code
   * reporter} before it throws.
   */
  public static Class<?> guard(
      Class<?> implementation, Consumer<NonDeterministicCallException> reporter) {
    if (implementation.getClassLoader() == null) {
      throw new IllegalArgumentException("Cannot guard a JDK class: " + implementation);
    }
    try {
      return new GuardedClassLoader(implementation, reporter).loadClass(implementation.getName());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("Cannot load " + implementation.getName() + " again", e);
    }
  }

  /**
   * Whether {@code type} is a workflow implementation class the guard can load again: a class (not
   * an interface) from an application class loader that is or implements a {@code @Workflow} type.
   */
  public static boolean canGuard(Class<?> type) {
    return type.getClassLoader() != null && !type.isInterface() && isWorkflow(type);
  }

  private static boolean isWorkflow(Class<?> type) {
    if (type.isAnnotationPresent(Workflow.class)) {
      return true;
    }
    for (Class<?> implemented : type.getInterfaces()) {
      if (isWorkflow(implemented)) {
        return true;
      }
    }
    return type.getSuperclass() != null && isWorkflow(type.getSuperclass());
  }

  void report(NonDeterministicCallException failure) {
    reporter.accept(failure);
  }

  private boolean isGuarded(String name) {
    return name.equals(root) || name.startsWith(root + "$") || dispatchers.contains(name);
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    if (!isGuarded(name)) {
      return super.loadClass(name, resolve);
    }
    synchronized (getClassLoadingLock(name)) {
      Class<?> loaded = findLoadedClass(name);
      if (loaded == null) {
        byte[] bytes = instrument(name);
        loaded = defineClass(name, bytes, 0, bytes.length);
      }
      if (resolve) {
        resolveClass(loaded);
      }
      return loaded;
    }
  }

  private byte[] instrument(String name) throws ClassNotFoundException {
    try (InputStream original =
        getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
      if (original == null) {
        throw new ClassNotFoundException(name);
      }
    } catch (IOException e) {
      throw new ClassNotFoundException(name, e);
    }
    return new ByteBuddy()
        .redefine(pool.describe(name).resolve(), locator)
        .visit(new GuardingMethodVisitor())
        .make()
        .getBytes();
  }
}
