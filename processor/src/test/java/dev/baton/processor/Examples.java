package dev.baton.processor;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;

/** The order-fulfilment example of DESIGN.md, and how tests compile sources. */
final class Examples {
  private Examples() {}

  /** Compiles {@code sources} with the processor, as strictly as users do. */
  static Compilation compile(JavaFileObject... sources) {
    return Compiler.javac()
        .withProcessors(new BatonProcessor())
        .withOptions("-Xlint:all", "-Werror")
        .compile(sources);
  }

  /** A source file for type {@code qualifiedName}. */
  static JavaFileObject source(String qualifiedName, String code) {
    return JavaFileObjects.forSourceString(qualifiedName, code);
  }

  static final JavaFileObject MODEL =
      source(
          "com.example.orders.Model",
          """
          package com.example.orders;

          import java.util.List;

          public final class Model {
            private Model() {}

            public record Item(String sku, int quantity) {}

            public record Order(String id, List<Item> items, double total) {}

            public record OrderResult(String status) {}

            public record Reservation(String id) {}

            public record Label(String trackingNumber) {}

            public record Approval(String by) {}

            public record OrderStatus(String stage) {}

            public static final class OutOfStockException extends Exception {
              private static final long serialVersionUID = 1L;
            }
          }
          """);

  static final JavaFileObject ORDER_FULFILMENT =
      source(
          "com.example.orders.OrderFulfilment",
          """
          package com.example.orders;

          import com.example.orders.Model.Approval;
          import com.example.orders.Model.Item;
          import com.example.orders.Model.Order;
          import com.example.orders.Model.OrderResult;
          import com.example.orders.Model.OrderStatus;
          import com.example.orders.Model.OutOfStockException;
          import dev.baton.Query;
          import dev.baton.Signal;
          import dev.baton.Workflow;
          import dev.baton.WorkflowMethod;
          import java.util.List;

          @Workflow(taskQueue = "orders")
          public interface OrderFulfilment {
            @WorkflowMethod(failRunOn = {OutOfStockException.class, IllegalStateException.class})
            OrderResult fulfil(Order order, List<Item> extras, int priority);

            @Signal
            void approve(Approval approval);

            @Signal(name = "cancel-order")
            void cancel(String reason, boolean refund);

            @Query
            OrderStatus status(String detail);

            @Query(name = "itemCount")
            int countItems();
          }
          """);

  static final JavaFileObject WAREHOUSE =
      source(
          "com.example.orders.Warehouse",
          """
          package com.example.orders;

          import com.example.orders.Model.Item;
          import com.example.orders.Model.Label;
          import com.example.orders.Model.Order;
          import com.example.orders.Model.Reservation;
          import dev.baton.Activity;
          import dev.baton.ActivityMethod;
          import dev.baton.Retry;
          import java.util.List;

          @Activity(taskQueue = "warehouse")
          public interface Warehouse {
            @ActivityMethod(startToClose = "PT2M", retry = @Retry(maximumAttempts = 5))
            Reservation reserve(Order order);

            @ActivityMethod(
                name = "PrintShippingLabel",
                heartbeat = "PT10S",
                scheduleToClose = "PT1H",
                scheduleToStart = "PT5M",
                retry =
                    @Retry(
                        initialInterval = "PT2S",
                        backoffCoefficient = 1.5,
                        maximumInterval = "PT1M",
                        doNotRetry = {"com.example.BadAddress", "Fraud"}))
            Label printLabel(Reservation reservation);

            @SuppressWarnings("baton") // the default start-to-close of 5 minutes is right here
            void ship(List<Item> items, boolean express);

            @SuppressWarnings("baton")
            int stockLevel(String sku);
          }
          """);
}
