package dev.baton.processor;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Every diagnostic the processor reports, each with a stable id ({@code [BATON-W001]}) that users
 * can search for and tests assert on. Each text says what is wrong and how to fix it.
 */
public enum Message {
  /** A {@code @Workflow} type without a {@code @WorkflowMethod}. */
  NO_WORKFLOW_METHOD(
      "W001",
      "@Workflow type %s has no @WorkflowMethod. Annotate the public method that runs the workflow"
          + " with @WorkflowMethod."),
  /** A {@code @Workflow} type with more than one {@code @WorkflowMethod}. */
  EXTRA_WORKFLOW_METHOD(
      "W002",
      "%s is a second @WorkflowMethod of %s, which already has %s. A workflow type has exactly one"
          + " @WorkflowMethod: remove the annotation here, or move this method to its own @Workflow"
          + " type."),
  /** A static {@code @WorkflowMethod}. */
  STATIC_WORKFLOW_METHOD(
      "W003",
      "@WorkflowMethod %s is static, but the workflow method runs on a workflow instance. Remove"
          + " the static modifier."),
  /** {@code @Workflow} on something other than an interface or class. */
  WORKFLOW_WRONG_KIND(
      "W004",
      "@Workflow is on %s %s, but it belongs on an interface or a class. Move it to the workflow's"
          + " interface or class."),
  /** A method with more than one of {@code @WorkflowMethod}, {@code @Signal}, {@code @Query}. */
  CONFLICTING_METHOD_ANNOTATIONS(
      "W005",
      "%s is annotated %s, but a method is either the workflow method, a signal or a query. Keep"
          + " one of the annotations, and declare a separate method for each other role."),
  /** Two signals, two queries, or a signal and a query of one workflow type with one name. */
  DUPLICATE_SIGNAL_OR_QUERY_NAME(
      "W006",
      "%s has the name \"%s\", which %s already has. Signal and query names must be unique"
          + " within a workflow type: rename one of the methods or set @%s(name = \"...\")."),
  /** Two signal or query methods with one method name. */
  OVERLOADED_SIGNAL_OR_QUERY(
      "W007",
      "%s overloads %s, but the generated client has one method and one constant per signal"
          + " and query method name. Rename one of the methods (set @%s(name = \"...\") to keep"
          + " its name)."),
  /** Two signal or query methods whose constants in the generated client would clash. */
  SIGNAL_OR_QUERY_CONSTANT_CLASH(
      "W008",
      "%s and %s would both be the constant %s of the generated client. Rename one of the"
          + " methods (set @%s(name = \"...\") to keep its name)."),
  /** A signal or query method that clashes with a member of the generated client. */
  RESERVED_CLIENT_MEMBER(
      "W009",
      "%s clashes with %s of the generated client. Rename the method (set @%s(name ="
          + " \"...\") to keep its name)."),
  /** A {@code @Signal} method that returns a value. */
  SIGNAL_NOT_VOID(
      "S001",
      "@Signal method %s returns %s, but a signal is a one-way message. Make the method return"
          + " void, or make it a @Query if it answers a question."),
  /** A {@code @Query} method that returns nothing. */
  QUERY_RETURNS_VOID(
      "Q001",
      "@Query method %s returns void, but a query answers with a value. Return the value it"
          + " reports, or make it a @Signal if it changes the workflow's state."),
  /** {@code @Activity} on something other than an interface. */
  ACTIVITY_NOT_INTERFACE(
      "A001",
      "@Activity is on %s %s, but it belongs on an interface, which workflows call through the"
          + " generated stub and activity workers implement. Declare the activity methods in an"
          + " interface annotated @Activity."),
  /** {@code @ActivityMethod} on a default or static interface method. */
  ACTIVITY_METHOD_NOT_ABSTRACT(
      "A002",
      "@ActivityMethod %s is %s, so it is not an activity: only abstract methods are. Remove the"
          + " annotation or the method body."),
  /** Two activities of one interface with the same activity type name. */
  DUPLICATE_ACTIVITY_NAME(
      "A003",
      "Activity %s has the activity type name \"%s\", which %s already has. Names must be unique:"
          + " rename one of the methods or set @ActivityMethod(name = \"...\")."),
  /** Two activity methods whose constants in the generated stub would clash. */
  ACTIVITY_CONSTANT_CLASH(
      "A004",
      "Activity %s and %s would both be the constant %s of the generated stub. Rename one of the"
          + " methods (set @ActivityMethod(name = \"...\") to keep its activity type name)."),
  /** An activity method that clashes with a method of the generated stub. */
  RESERVED_ACTIVITY_METHOD(
      "A005",
      "Activity %s clashes with the method %s of the generated stub. Rename the method (set"
          + " @ActivityMethod(name = \"...\") to keep its activity type name)."),
  /** A duration string that {@code java.time.Duration.parse} rejects. */
  INVALID_DURATION(
      "A006",
      "%s = \"%s\" is not an ISO-8601 duration. Write it as java.time.Duration.parse reads it, such"
          + " as \"PT30S\", \"PT5M\" or \"P1D\"."),
  /** A duration that is zero or negative. */
  NON_POSITIVE_DURATION(
      "A007", "%s = \"%s\" is not positive. Give a duration longer than zero, such as \"PT30S\"."),
  /** A {@code @Retry} member out of range. */
  INVALID_RETRY("A008", "@Retry(%s = %s) is out of range: %s."),
  /** A heartbeat timeout that is not shorter than the time one attempt may take. */
  HEARTBEAT_NOT_SHORTER(
      "A009",
      "@ActivityMethod(heartbeat = \"%s\") of %s is not shorter than %s = \"%s\", so it could"
          + " never fire before the attempt itself times out. Make the heartbeat timeout shorter"
          + " than %s (a fraction of it, such as a tenth), or remove it."),
  /** Two activity methods of one interface with one method name. */
  OVERLOADED_ACTIVITY(
      "A010",
      "Activity %s overloads %s, but each activity is one method of its stub, found by name. Give"
          + " the methods different names."),
  /** An activity method without start-to-close and schedule-to-close timeouts (a warning). */
  NO_ACTIVITY_TIMEOUT(
      "A011",
      "Activity %s sets neither startToClose nor scheduleToClose, so each attempt may run for %s"
          + " (the default) before it is retried. Set @ActivityMethod(startToClose = \"...\") to"
          + " how long one attempt may take, or add @SuppressWarnings(\"baton\") to keep the"
          + " default."),
  /** A parameter or result declared as {@code Object}. */
  PAYLOAD_OBJECT(
      "J001",
      "%s is declared as %s, so Baton cannot know what to decode it back into (it would read"
          + " maps and lists). Declare its real type, such as a record or a List<String>."),
  /** A parameter or result of a functional interface type. */
  PAYLOAD_FUNCTION(
      "J002",
      "%s has type %s, a functional interface: code cannot be written to history and read back."
          + " Pass the data the function needs, and call the function where it runs."),
  /** A parameter or result that is a stream or iterator. */
  PAYLOAD_STREAM(
      "J003",
      "%s has type %s, which can be read once and cannot be stored. Pass a List or another"
          + " collection, or for large data a reference such as a file name or URL."),
  /** A parameter or result that is a {@code Promise}. */
  PAYLOAD_PROMISE(
      "J004",
      "%s has type %s, but Baton records values, not promises. Declare the value's type (%s);"
          + " callers get a Promise from the generated async() variant."),
  /** A parameter or result of a type Jackson cannot create when it reads the payload back. */
  PAYLOAD_NOT_CREATABLE(
      "J005",
      "%s has type %s, which cannot be read back from JSON because %s. Give it a no-argument or"
          + " @JsonCreator constructor, make it a record, or declare a concrete type."),
  /** Two {@code @Workflow} types of one compilation with one workflow type name. */
  DUPLICATE_WORKFLOW_TYPE(
      "T004",
      "@Workflow type %s has the workflow type name \"%s\", which %s in this compilation already"
          + " has, and a worker runs one implementation per name. Set @Workflow(name = \"...\")"
          + " on one of them."),
  /** Two activities of one compilation, in different interfaces, with one activity type name. */
  DUPLICATE_ACTIVITY_TYPE(
      "T005",
      "Activity %s has the activity type name \"%s\", which %s in this compilation already has,"
          + " and a worker runs one implementation per name. Set @ActivityMethod(name = \"...\")"
          + " or @Activity(name = \"...\") on one of them."),
  /** A non-public {@code @Workflow} or {@code @Activity} type, or one enclosed in one. */
  TYPE_NOT_PUBLIC(
      "T001",
      "@%s type %s cannot be reached by generated code and workers because %s is not public. Make"
          + " %s public."),
  /** A {@code @Workflow} or {@code @Activity} type that is an inner (non-static) class. */
  TYPE_NOT_STATIC(
      "T002",
      "@%s type %s is an inner class, which cannot be created without an enclosing instance. Make"
          + " it static."),
  /** A generic {@code @Workflow} or {@code @Activity} type. */
  GENERIC_TYPE(
      "T003",
      "@%s type %s declares type parameters %s, but Baton needs concrete types to decode payloads."
          + " Remove the type parameters, or annotate a subtype that fixes them."),
  /** A non-public method with a Baton annotation. */
  METHOD_NOT_PUBLIC(
      "M001",
      "@%s method %s is not public, but generated code calls it from outside its type. Make it"
          + " public."),
  /** A static {@code @Signal} or {@code @Query} method. */
  STATIC_METHOD(
      "M003",
      "@%s method %s is static, but it runs on a workflow instance. Remove the static modifier."),
  /** A workflow, signal, query or activity method with type parameters. */
  GENERIC_METHOD(
      "M002",
      "%s declares type parameters %s, but Baton needs concrete parameter and result types to"
          + " encode and decode payloads. Replace the type variables with concrete types."),
  /** A name or task queue that is blank. */
  BLANK_NAME(
      "N001",
      "%s = \"%s\" is blank. Give a name with visible characters, or leave the member out to use"
          + " its default."),
  /** Workflow code that reads the system clock. */
  CLOCK_CALL(
      "D001",
      "Workflow code calls %s, which reads the system clock and gives a different time when the"
          + " workflow replays. Use Workflows.currentTime() (the time recorded in history)."),
  /** Workflow code that sleeps its thread. */
  THREAD_SLEEP_CALL(
      "D002",
      "Workflow code calls %s, which blocks the workflow's thread and is not recorded. Use"
          + " Workflows.sleep(Duration), a durable timer."),
  /** Workflow code that creates or starts a thread. */
  THREAD_CALL(
      "D003",
      "Workflow code calls %s: threads of its own run outside the workflow's deterministic"
          + " scheduler. Use Workflows.async(...) for a parallel branch."),
  /** Workflow code that uses an executor or an asynchronous CompletableFuture method. */
  EXECUTOR_CALL(
      "D004",
      "Workflow code calls %s, which runs code on another thread in an order that differs on"
          + " replay. Use Workflows.async(...) and Promise, or a stub's async() for activities."),
  /** Workflow code that draws random numbers from an unseeded source. */
  RANDOM_CALL(
      "D005",
      "Workflow code calls %s, which gives different numbers when the workflow replays. Use"
          + " Workflows.newRandom(), seeded from history."),
  /** Workflow code that creates a random UUID. */
  RANDOM_UUID_CALL(
      "D006",
      "Workflow code calls %s, which gives a different UUID when the workflow replays. Use"
          + " Workflows.randomUUID()."),
  /** Workflow code that does file, network or database I/O. */
  IO_CALL(
      "D007",
      "Workflow code calls %s, which does I/O whose outcome is not recorded and may differ on"
          + " replay. Move it into an activity (or a local activity) and call that from the"
          + " workflow."),
  /** A synchronized block or method in workflow code. */
  SYNCHRONIZED(
      "D008",
      "Workflow code uses %s, but workflow code runs one branch at a time and a lock held across"
          + " a wait deadlocks it. Remove it; use Workflows.await(condition) to wait for state."),
  /** Workflow code that reads or writes a mutable static field. */
  MUTABLE_STATIC_FIELD(
      "D009",
      "Workflow code uses the static field %s, which is not final: it is shared by every run in"
          + " the worker and survives none of them, so replays see other values. Keep the state"
          + " in an instance field of the workflow, or make the field a static final constant."),
  /** A catch clause in workflow code that catches {@code Throwable} or {@code Error}. */
  CATCH_THROWABLE(
      "D010",
      "Workflow code catches %s without rethrowing it, which also swallows the Error Baton uses"
          + " to stop a workflow's thread when it is evicted. Catch Exception (or"
          + " WorkflowFailure), or rethrow what you caught."),
  /** A type that is still unresolved when processing ends. */
  UNRESOLVED_TYPE(
      "P001",
      "%s refers to %s, which could not be resolved, so Baton generated nothing for it. Fix the"
          + " reference; if another annotation processor generates that type, check that it ran."),
  /** An unexpected failure of the processor itself. */
  PROCESSOR_FAILURE(
      "P002",
      "Baton's annotation processor failed on %s and generated nothing for it. This is a bug in"
          + " Baton; please report it with this stack trace:%n%s");

  private final String id;
  private final String template;

  Message(String id, String template) {
    this.id = id;
    this.template = template;
  }

  /** The stable id as it appears in messages, such as {@code [BATON-W001]}. */
  public String id() {
    return "[BATON-" + id + "]";
  }

  /**
   * A pattern matching every text {@link #format} gives, whatever its arguments: the template's
   * fixed words must all be there, in order. Tests assert messages with it.
   */
  public Pattern pattern() {
    StringBuilder regex = new StringBuilder(Pattern.quote(id() + " "));
    for (String part : template.split("%s|%n", -1)) {
      regex.append(Pattern.quote(part)).append("(?s:.*?)");
    }
    return Pattern.compile(regex.toString());
  }

  /** The message text for the given arguments, prefixed with {@link #id()}. */
  public String format(Object... arguments) {
    return id() + " " + String.format(Locale.ROOT, template, arguments);
  }
}
