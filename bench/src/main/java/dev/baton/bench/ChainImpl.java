package dev.baton.bench;

/** Calls {@link Steps#step} three times in sequence. */
public class ChainImpl implements Chain {
  private final StepsStub steps = StepsStub.create();

  @Override
  public String run(String id) {
    String value = steps.step(id, 1);
    value = steps.step(value, 2);
    return steps.step(value, 3);
  }
}
