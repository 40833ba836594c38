package dev.baton.processor;

import java.util.Locale;

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

  /** The message text for the given arguments, prefixed with {@link #id()}. */
  public String format(Object... arguments) {
    return id() + " " + String.format(Locale.ROOT, template, arguments);
  }
}
