package com.example.orders;

import dev.baton.AbstractWorkflowClient;
import dev.baton.AbstractWorkflowDispatcher;
import dev.baton.Baton;
import dev.baton.QueryType;
import dev.baton.SignalType;
import dev.baton.TypeRef;
import dev.baton.WorkflowHandle;
import dev.baton.WorkflowOptions;
import dev.baton.WorkflowType;
import java.time.Duration;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * Starts runs of the {@link OrderFulfilment} workflow, sends them signals, asks them queries
 * and waits for their results.
 */
@Generated("dev.baton.processor.BatonProcessor")
public final class OrderFulfilmentClient extends AbstractWorkflowClient<Model.OrderResult> {
  /**
   * The OrderFulfilment workflow type.
   */
  public static final WorkflowType<Model.OrderResult> TYPE = WorkflowType.of(
      "OrderFulfilment",
      "orders",
      TypeRef.of(Model.OrderResult.class),
      TypeRef.of(Model.Order.class),
      new TypeRef<List<Model.Item>>() {},
      TypeRef.of(Integer.class));

  /**
   * The approve signal, handled by {@link OrderFulfilment#approve}.
   */
  public static final SignalType APPROVE = SignalType.of(
      "approve",
      TypeRef.of(Model.Approval.class));

  /**
   * The cancel-order signal, handled by {@link OrderFulfilment#cancel}.
   */
  public static final SignalType CANCEL = SignalType.of(
      "cancel-order",
      TypeRef.of(String.class),
      TypeRef.of(Boolean.class));

  /**
   * The itemCount query, answered by {@link OrderFulfilment#countItems}.
   */
  public static final QueryType<Integer> COUNT_ITEMS = QueryType.of(
      "itemCount",
      TypeRef.of(Integer.class));

  /**
   * The status query, answered by {@link OrderFulfilment#status}.
   */
  public static final QueryType<Model.OrderStatus> STATUS = QueryType.of(
      "status",
      TypeRef.of(Model.OrderStatus.class),
      TypeRef.of(String.class));

  private OrderFulfilmentClient(Baton baton) {
    super(baton, TYPE);
  }

  /**
   * A client that starts and follows runs through {@code baton}.
   */
  public static OrderFulfilmentClient of(Baton baton) {
    return new OrderFulfilmentClient(baton);
  }

  /**
   * Starts a run of {@link OrderFulfilment#fulfil} with the given workflow id
   * on the type's task queue.
   */
  public WorkflowHandle<Model.OrderResult> start(String workflowId, Model.Order order,
      List<Model.Item> extras, int priority) {
    return baton().start(TYPE, workflowId, order, extras, priority);
  }

  /**
   * Starts a run of {@link OrderFulfilment#fulfil} with the given options.
   */
  public WorkflowHandle<Model.OrderResult> start(WorkflowOptions options, Model.Order order,
      List<Model.Item> extras, int priority) {
    return baton().start(TYPE, options, order, extras, priority);
  }

  /**
   * Sends the approve signal ({@link OrderFulfilment#approve})
   * to the running run of the given workflow id.
   */
  public void approve(String workflowId, Model.Approval approval) {
    baton().signal(workflowId, APPROVE, approval);
  }

  /**
   * Sends the approve signal ({@link OrderFulfilment#approve})
   * to the running run of the given workflow id, first starting a run on the type's
   * task queue if none is running.
   */
  public WorkflowHandle<Model.OrderResult> startWithApprove(String workflowId, Model.Order order,
      List<Model.Item> extras, int priority, Model.Approval approval) {
    return baton().signalWithStart(TYPE, WorkflowOptions.of(workflowId),
        new Object[] {order, extras, priority}, APPROVE, approval);
  }

  /**
   * Sends the approve signal ({@link OrderFulfilment#approve})
   * to the running run of the workflow id in {@code options}, first starting a run
   * with those options if none is running.
   */
  public WorkflowHandle<Model.OrderResult> startWithApprove(WorkflowOptions options,
      Model.Order order, List<Model.Item> extras, int priority, Model.Approval approval) {
    return baton().signalWithStart(TYPE, options, new Object[] {order, extras, priority},
        APPROVE, approval);
  }

  /**
   * Sends the cancel-order signal ({@link OrderFulfilment#cancel})
   * to the running run of the given workflow id.
   */
  public void cancel(String workflowId, String reason, boolean refund) {
    baton().signal(workflowId, CANCEL, reason, refund);
  }

  /**
   * Sends the cancel-order signal ({@link OrderFulfilment#cancel})
   * to the running run of the given workflow id, first starting a run on the type's
   * task queue if none is running.
   */
  public WorkflowHandle<Model.OrderResult> startWithCancel(String workflowId, Model.Order order,
      List<Model.Item> extras, int priority, String reason, boolean refund) {
    return baton().signalWithStart(TYPE, WorkflowOptions.of(workflowId),
        new Object[] {order, extras, priority}, CANCEL, reason, refund);
  }

  /**
   * Sends the cancel-order signal ({@link OrderFulfilment#cancel})
   * to the running run of the workflow id in {@code options}, first starting a run
   * with those options if none is running.
   */
  public WorkflowHandle<Model.OrderResult> startWithCancel(WorkflowOptions options,
      Model.Order order, List<Model.Item> extras, int priority, String reason, boolean refund) {
    return baton().signalWithStart(TYPE, options, new Object[] {order, extras, priority},
        CANCEL, reason, refund);
  }

  /**
   * Asks the running (or latest) run of the given workflow id the itemCount query
   * ({@link OrderFulfilment#countItems}) and returns its answer.
   */
  public int countItems(String workflowId) {
    return baton().query(workflowId, COUNT_ITEMS);
  }

  /**
   * Asks the running (or latest) run of the given workflow id the itemCount query
   * ({@link OrderFulfilment#countItems}), waiting at most {@code timeout} for the answer.
   */
  public int countItems(String workflowId, Duration timeout) {
    return baton().query(workflowId, timeout, COUNT_ITEMS);
  }

  /**
   * Asks the running (or latest) run of the given workflow id the status query
   * ({@link OrderFulfilment#status}) and returns its answer.
   */
  public Model.OrderStatus status(String workflowId, String detail) {
    return baton().query(workflowId, STATUS, detail);
  }

  /**
   * Asks the running (or latest) run of the given workflow id the status query
   * ({@link OrderFulfilment#status}), waiting at most {@code timeout} for the answer.
   */
  public Model.OrderStatus status(String workflowId, Duration timeout, String detail) {
    return baton().query(workflowId, timeout, STATUS, detail);
  }

  /**
   * Runs the {@link OrderFulfilment} workflow for Baton's workers.
   */
  public static final class Dispatcher extends AbstractWorkflowDispatcher<OrderFulfilment> {
    /**
     * Creates the dispatcher; workers find it by its name.
     */
    public Dispatcher() {
      super(OrderFulfilmentClient.TYPE, OrderFulfilment.class,
          new SignalType[] {OrderFulfilmentClient.APPROVE, OrderFulfilmentClient.CANCEL},
          new QueryType<?>[] {OrderFulfilmentClient.COUNT_ITEMS, OrderFulfilmentClient.STATUS});
    }

    @Override
    @SuppressWarnings("unchecked")
    public Object execute(OrderFulfilment workflow, Object[] arguments) throws Exception {
      return workflow.fulfil((Model.Order) arguments[0], (List<Model.Item>) arguments[1],
          (Integer) arguments[2]);
    }

    @Override
    public boolean failsRun(Throwable failure) {
      return failure instanceof Model.OutOfStockException
          || failure instanceof IllegalStateException;
    }

    @Override
    public void signal(OrderFulfilment workflow, String signalName, Object[] arguments) throws
        Exception {
      switch (signalName) {
        case "approve":
          workflow.approve((Model.Approval) arguments[0]);
          return;
        case "cancel-order":
          workflow.cancel((String) arguments[0], (Boolean) arguments[1]);
          return;
        default:
          throw new IllegalArgumentException("Workflow type OrderFulfilment has no signal named "
              + signalName);
      }
    }

    @Override
    public Object query(OrderFulfilment workflow, String queryName, Object[] arguments) throws
        Exception {
      switch (queryName) {
        case "itemCount":
          return workflow.countItems();
        case "status":
          return workflow.status((String) arguments[0]);
        default:
          throw new IllegalArgumentException("Workflow type OrderFulfilment has no query named "
              + queryName);
      }
    }
  }
}
