package dev.baton.it;

import dev.baton.Activity;
import dev.baton.Workflow;
import dev.baton.WorkflowMethod;

/** A workflow whose implementation changes between versions, for the non-determinism tests. */
@Workflow(taskQueue = "versioned")
public interface Versioned {
  /** Runs some activities and joins their results. */
  @WorkflowMethod
  String run(String input);

  /** The activities the versions call, with the default timeouts. */
  @Activity
  @SuppressWarnings("baton")
  interface Ops {
    /** Step a. */
    String a(String input);

    /** Step b. */
    String b(String input);

    /** Step c. */
    String c(String input);

    /** Step x, which version 1 does not call. */
    String x(String input);
  }

  /** Version 1: a, b, c. */
  class V1 implements Versioned {
    private final Versioned_OpsStub ops = Versioned_OpsStub.create();

    @Override
    public String run(String input) {
      return ops.a(input) + "|" + ops.b(input) + "|" + ops.c(input);
    }
  }

  /** Version 2 with b swapped for x: a, x, c. */
  class V2Swapped implements Versioned {
    private final Versioned_OpsStub ops = Versioned_OpsStub.create();

    @Override
    public String run(String input) {
      return ops.a(input) + "|" + ops.x(input) + "|" + ops.c(input);
    }
  }

  /** Version 2 with x added first: x, a, b, c. */
  class V2Added implements Versioned {
    private final Versioned_OpsStub ops = Versioned_OpsStub.create();

    @Override
    public String run(String input) {
      return ops.x(input) + "|" + ops.a(input) + "|" + ops.b(input) + "|" + ops.c(input);
    }
  }

  /** Version 2 with b removed: a, c. */
  class V2Removed implements Versioned {
    private final Versioned_OpsStub ops = Versioned_OpsStub.create();

    @Override
    public String run(String input) {
      return ops.a(input) + "|" + ops.c(input);
    }
  }
}
