package dev.baton.testing;

import dev.baton.Baton;
import dev.baton.Worker;
import dev.baton.internal.testing.WorkerPlan;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link BatonTest}: one {@link TestWorkflowEnvironment} per test,
 * closed after it, with the histories of its runs printed when the test fails.
 */
public final class BatonExtension
    implements BeforeEachCallback,
        AfterTestExecutionCallback,
        AfterEachCallback,
        ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(BatonExtension.class);
  private static final String ENVIRONMENT = "environment";

  /** Created by JUnit. */
  public BatonExtension() {}

  @Override
  public void beforeEach(ExtensionContext context) {
    BatonTest config =
        AnnotationSupport.findAnnotation(context.getRequiredTestClass(), BatonTest.class)
            .orElseThrow(
                () ->
                    new ExtensionConfigurationException(
                        "BatonExtension needs @BatonTest on " + context.getRequiredTestClass()));
    TestWorkflowEnvironment env =
        TestWorkflowEnvironment.create(
            TestEnvironmentOptions.newBuilder()
                .determinismGuard(config.determinismGuard())
                .build());
    context.getStore(NAMESPACE).put(ENVIRONMENT, env);
    WorkerPlan plan = WorkerPlan.of(config.workflows(), config.activities(), config.taskQueue());
    for (String queue : plan.queues()) {
      Worker worker = env.newWorker(queue);
      plan.workflowsOn(queue).forEach(worker::registerWorkflow);
      for (Class<?> activity : plan.activitiesOn(queue)) {
        worker.registerActivities(instantiate(activity));
      }
      worker.start();
    }
  }

  private static Object instantiate(Class<?> type) {
    try {
      var constructor = type.getDeclaredConstructor();
      constructor.setAccessible(true);
      return constructor.newInstance();
    } catch (NoSuchMethodException e) {
      throw new ExtensionConfigurationException(
          type.getName() + " needs a no-argument constructor to be named in @BatonTest", e);
    } catch (InvocationTargetException e) {
      throw new ExtensionConfigurationException(
          "The constructor of " + type.getName() + " threw", e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new ExtensionConfigurationException("Cannot create " + type.getName(), e);
    }
  }

  @Override
  public void afterTestExecution(ExtensionContext context) {
    TestWorkflowEnvironment env = environment(context);
    if (env != null && context.getExecutionException().isPresent()) {
      PrintStream err = System.err;
      try {
        err.println("Test " + context.getDisplayName() + " failed; histories of its workflows:");
        err.print(env.formatHistories());
      } catch (RuntimeException e) {
        err.println("(could not read the histories: " + e + ")");
      }
      err.flush();
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    TestWorkflowEnvironment env = environment(context);
    if (env != null) {
      context.getStore(NAMESPACE).remove(ENVIRONMENT);
      env.close();
    }
  }

  private static TestWorkflowEnvironment environment(ExtensionContext context) {
    return context.getStore(NAMESPACE).get(ENVIRONMENT, TestWorkflowEnvironment.class);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == TestWorkflowEnvironment.class
        || type == Baton.class
        || clientFactory(type) != null;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    TestWorkflowEnvironment env = environment(context);
    if (env == null) {
      throw new ParameterResolutionException(
          "No test environment: @BatonTest parameters can be injected into test methods only");
    }
    Class<?> type = parameter.getParameter().getType();
    if (type == TestWorkflowEnvironment.class) {
      return env;
    }
    if (type == Baton.class) {
      return env.baton();
    }
    Method factory = clientFactory(type);
    try {
      return factory.invoke(null, env.baton());
    } catch (ReflectiveOperationException e) {
      throw new ParameterResolutionException("Cannot create " + type.getName(), e);
    }
  }

  /** The static {@code of(Baton)} of a generated client, or {@code null}. */
  private static Method clientFactory(Class<?> type) {
    try {
      Method of = type.getMethod("of", Baton.class);
      return Modifier.isStatic(of.getModifiers()) && of.getReturnType() == type ? of : null;
    } catch (NoSuchMethodException e) {
      return null;
    }
  }
}
