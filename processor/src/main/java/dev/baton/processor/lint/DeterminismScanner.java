package dev.baton.processor.lint;

import com.sun.source.tree.CatchTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnionTypeTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import dev.baton.processor.Message;
import dev.baton.processor.Suppressions;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.Diagnostic;

/**
 * Walks one compilation unit and reports, inside workflow classes, each use of a {@link
 * ForbiddenCalls forbidden call}, {@code synchronized}, a mutable static field and a catch of
 * {@code Throwable} or {@code Error}. Code in a class nested in a workflow class is workflow code
 * too, unless that class is an activity implementation; the supplier given to {@code
 * Workflows.sideEffect} runs once and is recorded, so it is exempt.
 */
final class DeterminismScanner extends TreePathScanner<Void, Boolean> {
  private static final String WORKFLOWS = "dev.baton.Workflows";
  private static final Set<String> RECORDED_CALLS = Set.of("sideEffect");
  private static final String HINT =
      " Where the call is intended and safe, annotate the method with"
          + " @SuppressWarnings(\"baton-determinism\").";

  private final Trees trees;
  private final Elements elements;
  private final Types types;
  private final WorkflowClasses workflowClasses;
  private final CompilationUnitTree unit;

  DeterminismScanner(
      Trees trees,
      Elements elements,
      Types types,
      WorkflowClasses workflowClasses,
      CompilationUnitTree unit) {
    this.trees = trees;
    this.elements = elements;
    this.types = types;
    this.workflowClasses = workflowClasses;
    this.unit = unit;
  }

  /** Scans the top-level class at {@code path} and the classes in it. */
  void scan(TreePath path) {
    scan(path, false);
  }

  @Override
  public Void visitClass(ClassTree tree, Boolean inWorkflow) {
    Element element = trees.getElement(getCurrentPath());
    boolean workflow = inWorkflow;
    if (element instanceof TypeElement type) {
      if (workflowClasses.isGenerated(type)) {
        return null; // generated code, nested classes included, is not the user's to fix
      } else if (workflowClasses.isActivityImplementation(type)) {
        workflow = false;
      } else if (workflowClasses.isWorkflowImplementation(type)) {
        workflow = true;
      } else if (type.getNestingKind() == NestingKind.TOP_LEVEL) {
        workflow = false;
      }
    }
    return super.visitClass(tree, workflow);
  }

  @Override
  public Void visitMethod(MethodTree tree, Boolean inWorkflow) {
    if (inWorkflow && tree.getModifiers().getFlags().contains(Modifier.SYNCHRONIZED)) {
      report(tree, Message.SYNCHRONIZED.format("a synchronized method (" + tree.getName() + ")"));
    }
    return super.visitMethod(tree, inWorkflow);
  }

  @Override
  public Void visitMethodInvocation(MethodInvocationTree tree, Boolean inWorkflow) {
    if (!inWorkflow) {
      return super.visitMethodInvocation(tree, false);
    }
    Element element = trees.getElement(getCurrentPath());
    // super(...) and this(...) are checked where the object is created, by visitNewClass
    if (element instanceof ExecutableElement method
        && method.getKind() == ElementKind.METHOD
        && method.getEnclosingElement() instanceof TypeElement owner) {
      if (owner.getQualifiedName().contentEquals(WORKFLOWS)
          && RECORDED_CALLS.contains(method.getSimpleName().toString())) {
        scan(tree.getMethodSelect(), true);
        scan(tree.getTypeArguments(), true);
        scan(tree.getArguments(), false); // the supplier runs once; its result is recorded
        return null;
      }
      check(tree, owner, method.getSimpleName().toString(), describe(owner, method));
    }
    return super.visitMethodInvocation(tree, true);
  }

  @Override
  public Void visitNewClass(NewClassTree tree, Boolean inWorkflow) {
    if (inWorkflow) {
      TypeMirror created = trees.getTypeMirror(getCurrentPath());
      if (created instanceof DeclaredType declared
          && declared.asElement() instanceof TypeElement type) {
        TypeElement named = type;
        if (type.getNestingKind() == NestingKind.ANONYMOUS) {
          TypeMirror base =
              type.getInterfaces().isEmpty() ? type.getSuperclass() : type.getInterfaces().get(0);
          named = (TypeElement) types.asElement(base);
        }
        if (named != null
            && named.getQualifiedName().contentEquals("java.util.Date")
            && tree.getArguments().isEmpty()) {
          report(tree, Message.CLOCK_CALL.format("new Date()"));
        } else if (named != null) {
          check(
              tree,
              named,
              ForbiddenCall.CONSTRUCTOR,
              "new "
                  + named.getSimpleName()
                  + "("
                  + (tree.getArguments().isEmpty() ? "" : "...")
                  + ")");
        }
      }
    }
    return super.visitNewClass(tree, inWorkflow);
  }

  @Override
  public Void visitSynchronized(SynchronizedTree tree, Boolean inWorkflow) {
    if (inWorkflow) {
      report(tree, Message.SYNCHRONIZED.format("a synchronized block"));
    }
    return super.visitSynchronized(tree, inWorkflow);
  }

  @Override
  public Void visitIdentifier(IdentifierTree tree, Boolean inWorkflow) {
    if (inWorkflow) {
      checkStaticField(tree);
    }
    return super.visitIdentifier(tree, inWorkflow);
  }

  @Override
  public Void visitMemberSelect(MemberSelectTree tree, Boolean inWorkflow) {
    if (inWorkflow) {
      checkStaticField(tree);
    }
    return super.visitMemberSelect(tree, inWorkflow);
  }

  @Override
  public Void visitCatch(CatchTree tree, Boolean inWorkflow) {
    if (inWorkflow) {
      Tree type = tree.getParameter().getType();
      List<? extends Tree> alternatives =
          type instanceof UnionTypeTree union ? union.getTypeAlternatives() : List.of(type);
      for (Tree alternative : alternatives) {
        Element caught = trees.getElement(new TreePath(getCurrentPath(), alternative));
        if (caught instanceof TypeElement caughtType
            && (caughtType.getQualifiedName().contentEquals("java.lang.Throwable")
                || caughtType.getQualifiedName().contentEquals("java.lang.Error"))
            && !rethrows(tree)) {
          report(alternative, Message.CATCH_THROWABLE.format(caughtType.getSimpleName()));
        }
      }
    }
    return super.visitCatch(tree, inWorkflow);
  }

  /** Whether the catch block throws its own parameter again somewhere. */
  private static boolean rethrows(CatchTree tree) {
    String parameter = tree.getParameter().getName().toString();
    Boolean found =
        new TreeScanner<Boolean, Void>() {
          @Override
          public Boolean visitThrow(ThrowTree node, Void unused) {
            return node.getExpression() instanceof IdentifierTree id
                && id.getName().contentEquals(parameter);
          }

          @Override
          public Boolean reduce(Boolean a, Boolean b) {
            return Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b);
          }
        }.scan(tree.getBlock(), null);
    return Boolean.TRUE.equals(found);
  }

  private void checkStaticField(Tree tree) {
    Element element = trees.getElement(getCurrentPath());
    if (element instanceof VariableElement field
        && field.getKind() == ElementKind.FIELD
        && field.getModifiers().contains(Modifier.STATIC)
        && !field.getModifiers().contains(Modifier.FINAL)) {
      report(
          tree,
          Message.MUTABLE_STATIC_FIELD.format(
              field.getEnclosingElement().getSimpleName() + "." + field.getSimpleName()));
    }
  }

  /** Reports the use of {@code name} of {@code owner} if a forbidden call matches it. */
  private void check(Tree tree, TypeElement owner, String name, String description) {
    for (ForbiddenCall call : ForbiddenCalls.ALL) {
      if (call.matchesName(name) && matchesOwner(call, owner)) {
        report(tree, call.message().format(description));
        return;
      }
    }
  }

  private boolean matchesOwner(ForbiddenCall call, TypeElement owner) {
    if (owner.getQualifiedName().contentEquals(call.owner())) {
      return true;
    }
    if (!call.subtypes()) {
      return false;
    }
    TypeElement forbidden = elements.getTypeElement(call.owner());
    return forbidden != null
        && owner.asType().getKind() == TypeKind.DECLARED
        && types.isSubtype(types.erasure(owner.asType()), types.erasure(forbidden.asType()));
  }

  private static String describe(TypeElement owner, ExecutableElement method) {
    return owner.getSimpleName()
        + "."
        + method.getSimpleName()
        + (method.getParameters().isEmpty() ? "()" : "(...)");
  }

  private void report(Tree tree, String message) {
    if (!isSuppressed()) {
      trees.printMessage(Diagnostic.Kind.ERROR, message + HINT, tree, unit);
    }
  }

  /** Whether a declaration around the current position suppresses determinism errors. */
  private boolean isSuppressed() {
    for (TreePath path = getCurrentPath(); path != null; path = path.getParentPath()) {
      Tree.Kind kind = path.getLeaf().getKind();
      if (kind == Tree.Kind.METHOD
          || kind == Tree.Kind.VARIABLE
          || path.getLeaf() instanceof ClassTree) {
        Element element = trees.getElement(path);
        if (element != null && Suppressions.isSuppressed(element, Suppressions.DETERMINISM)) {
          return true;
        }
      }
    }
    return false;
  }
}
