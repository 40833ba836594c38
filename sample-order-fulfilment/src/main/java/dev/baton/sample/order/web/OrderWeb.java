package dev.baton.sample.order.web;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.baton.ActivityLeaseLostException;
import dev.baton.QueryFailedException;
import dev.baton.UnknownWorkflowTypeException;
import dev.baton.WorkflowAlreadyStartedException;
import dev.baton.WorkflowHandle;
import dev.baton.WorkflowNotFoundException;
import dev.baton.sample.order.ManagerDecision;
import dev.baton.sample.order.Order;
import dev.baton.sample.order.OrderDesk;
import dev.baton.sample.order.OrderOutcome;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shop's web endpoint, on the JDK's built-in HTTP server:
 *
 * <pre>
 * POST /orders                  place an order (JSON)        201, or 409 if placed before
 * GET  /orders/{id}             where the order is (query)    200, or 404
 * POST /orders/{id}/approve     {"manager"} (signal)          202
 * POST /orders/{id}/reject      {"manager","reason"}          202
 * POST /orders/{id}/cancel      the customer cancels          202
 * POST /tasks/{token}           {"approved","manager","note"} 200, or 409 if answered already
 * </pre>
 *
 * <p>A malformed request is 400; a status query no worker answers, or an order placed before any
 * workflow worker registered the workflow type, 503.
 */
public final class OrderWeb implements AutoCloseable {
  private static final Pattern ORDER =
      Pattern.compile("/orders/([^/]+)(?:/(approve|reject|cancel))?");
  private static final Pattern TASK = Pattern.compile("/tasks/([^/]+)");

  private final ObjectMapper json = JsonMapper.builder().addModule(new JavaTimeModule()).build();
  private final OrderDesk desk;
  private final HttpServer server;
  private final ExecutorService threads = Executors.newFixedThreadPool(4);

  private OrderWeb(OrderDesk desk, HttpServer server) {
    this.desk = desk;
    this.server = server;
  }

  /** Serves {@code desk} on {@code port} of every interface (0: any free port). */
  public static OrderWeb start(OrderDesk desk, int port) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
    OrderWeb web = new OrderWeb(desk, server);
    server.createContext("/", web::handle);
    server.setExecutor(web.threads);
    server.start();
    return web;
  }

  /** The port it listens on. */
  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }

  /** The body of {@code POST /orders/{id}/approve} and {@code /reject}. */
  record ManagerNote(String manager, String reason) {}

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      route(exchange);
    }
  }

  private void route(HttpExchange exchange) throws IOException {
    try {
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getPath();
      Matcher order = ORDER.matcher(path);
      Matcher task = TASK.matcher(path);
      if (path.equals("/orders") && method.equals("POST")) {
        placeOrder(exchange);
      } else if (order.matches() && order.group(2) == null && method.equals("GET")) {
        reply(exchange, 200, desk.status(order.group(1)));
      } else if (order.matches() && order.group(2) != null && method.equals("POST")) {
        act(exchange, order.group(1), order.group(2));
      } else if (task.matches() && method.equals("POST")) {
        ManagerDecision decision = read(exchange.getRequestBody(), ManagerDecision.class);
        desk.answer(task.group(1), decision);
        reply(exchange, 200, Map.of("answered", decision.approved() ? "approved" : "rejected"));
      } else {
        reply(exchange, 404, Map.of("error", "no such endpoint: " + method + " " + path));
      }
    } catch (WorkflowNotFoundException e) {
      reply(exchange, 404, Map.of("error", e.getMessage()));
    } catch (WorkflowAlreadyStartedException | ActivityLeaseLostException e) {
      reply(exchange, 409, Map.of("error", e.getMessage()));
    } catch (JacksonException | IllegalArgumentException e) {
      reply(exchange, 400, Map.of("error", String.valueOf(e.getMessage())));
    } catch (UnknownWorkflowTypeException e) {
      reply(
          exchange, 503, Map.of("error", "no workflow worker has started yet: " + e.getMessage()));
    } catch (QueryFailedException e) {
      reply(exchange, 503, Map.of("error", e.getMessage()));
    } catch (RuntimeException e) {
      reply(exchange, 500, Map.of("error", String.valueOf(e)));
    }
  }

  private void placeOrder(HttpExchange exchange) throws IOException {
    Order order = read(exchange.getRequestBody(), Order.class);
    // The shop's policy, never the customer's: drop any the request carried.
    Order placed =
        new Order(
            order.orderId(),
            order.customer(),
            order.address(),
            order.lines(),
            order.paymentToken(),
            null);
    WorkflowHandle<OrderOutcome> run = desk.place(placed);
    reply(exchange, 201, Map.of("orderId", run.workflowId(), "runId", run.runId()));
  }

  private void act(HttpExchange exchange, String orderId, String action) throws IOException {
    switch (action) {
      case "approve" -> desk.approve(orderId, note(exchange).manager());
      case "reject" -> {
        ManagerNote note = note(exchange);
        desk.reject(orderId, note.manager(), note.reason() == null ? "rejected" : note.reason());
      }
      default -> desk.cancel(orderId);
    }
    reply(exchange, 202, Map.of("orderId", orderId, "accepted", action));
  }

  private ManagerNote note(HttpExchange exchange) throws IOException {
    ManagerNote note = read(exchange.getRequestBody(), ManagerNote.class);
    if (note.manager() == null || note.manager().isBlank()) {
      throw new IllegalArgumentException("say which manager decides: {\"manager\":\"...\"}");
    }
    return note;
  }

  private <T> T read(InputStream body, Class<T> type) throws IOException {
    T value = json.readValue(body, type);
    if (value == null) {
      throw new IllegalArgumentException("the request needs a JSON body");
    }
    return value;
  }

  private void reply(HttpExchange exchange, int status, Object body) throws IOException {
    byte[] bytes = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }
}
