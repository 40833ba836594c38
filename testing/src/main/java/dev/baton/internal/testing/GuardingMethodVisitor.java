package dev.baton.internal.testing;

import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.field.FieldDescription;
import net.bytebuddy.description.field.FieldList;
import net.bytebuddy.description.method.MethodList;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.Handle;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.pool.TypePool;
import net.bytebuddy.utility.OpenedClassReader;

/**
 * Inserts, before every forbidden call in a class's methods, a call of {@link
 * DeterminismGuard#violation} with a message naming the call and its replacement. The inserted code
 * takes nothing from the stack and leaves nothing on it, so the original code and its stack map
 * frames stay valid; since the guard always throws, the forbidden call never runs.
 */
final class GuardingMethodVisitor extends AsmVisitorWrapper.AbstractBase {
  private static final String GUARD = "dev/baton/internal/testing/DeterminismGuard";

  @Override
  public ClassVisitor wrap(
      TypeDescription instrumentedType,
      ClassVisitor classVisitor,
      Implementation.Context implementationContext,
      TypePool typePool,
      FieldList<FieldDescription.InDefinedShape> fields,
      MethodList<?> methods,
      int writerFlags,
      int readerFlags) {
    String className = instrumentedType.getName();
    return new ClassVisitor(OpenedClassReader.ASM_API, classVisitor) {
      @Override
      public MethodVisitor visitMethod(
          int access, String name, String descriptor, String signature, String[] exceptions) {
        MethodVisitor target = super.visitMethod(access, name, descriptor, signature, exceptions);
        return target == null ? null : new Guarding(target, className + "." + name);
      }
    };
  }

  private static final class Guarding extends MethodVisitor {
    private final String location;
    private boolean inserted;

    Guarding(MethodVisitor target, String location) {
      super(OpenedClassReader.ASM_API, target);
      this.location = location;
    }

    private void guard(String owner, String name, String descriptor) {
      ForbiddenCalls.Rule rule = ForbiddenCalls.find(owner, name, descriptor);
      if (rule != null) {
        super.visitLdcInsn(ForbiddenCalls.message(rule, name, location));
        super.visitMethodInsn(
            Opcodes.INVOKESTATIC, GUARD, "violation", "(Ljava/lang/String;)V", false);
        inserted = true;
      }
    }

    @Override
    public void visitMethodInsn(
        int opcode, String owner, String name, String descriptor, boolean isInterface) {
      guard(owner, name, descriptor);
      super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
    }

    @Override
    public void visitInvokeDynamicInsn(
        String name, String descriptor, Handle bootstrap, Object... arguments) {
      // A method reference such as System::currentTimeMillis is a handle argument of the
      // lambda bootstrap: fail where the reference is made.
      for (Object argument : arguments) {
        if (argument instanceof Handle handle) {
          guard(handle.getOwner(), handle.getName(), handle.getDesc());
        }
      }
      super.visitInvokeDynamicInsn(name, descriptor, bootstrap, arguments);
    }

    @Override
    public void visitMaxs(int maxStack, int maxLocals) {
      super.visitMaxs(inserted ? maxStack + 1 : maxStack, maxLocals);
    }
  }
}
