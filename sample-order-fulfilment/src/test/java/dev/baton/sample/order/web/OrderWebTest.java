package dev.baton.sample.order.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.sample.order.Address;
import dev.baton.sample.order.Order;
import dev.baton.sample.order.OrderLine;
import dev.baton.sample.order.Outcome;
import dev.baton.sample.order.ShopTestKit;
import dev.baton.sample.order.Stage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The web endpoint, through a real HTTP client. */
class OrderWebTest {
  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();
  private ShopTestKit shop;
  private OrderWeb web;

  @BeforeEach
  void start() throws Exception {
    shop = ShopTestKit.open();
    web = OrderWeb.start(shop.desk(), 0);
  }

  @AfterEach
  void stop() {
    web.close();
    shop.close();
  }

  private HttpResponse<String> send(String method, String path, String body) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + web.port() + path))
            .method(method, HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json")
            .timeout(Duration.ofSeconds(30))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private String orderJson(String orderId) throws Exception {
    return json.writeValueAsString(
        new Order(
            orderId,
            "bob@example.com",
            new Address("Bob Jones", "3 Mill Lane", "LS1 4AP", "Leeds", "GB"),
            List.of(new OrderLine("espresso-machine", 1), new OrderLine("tea-green", 2)),
            "tok_visa",
            null));
  }

  @Test
  void placeRefuseDuplicateQueryAndApproveBySignal() throws Exception {
    HttpResponse<String> placed = send("POST", "/orders", orderJson("web-1"));
    assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
    assertThat(json.readTree(placed.body()).get("orderId").asText()).isEqualTo("web-1");

    HttpResponse<String> again = send("POST", "/orders", orderJson("web-1"));
    assertThat(again.statusCode()).as("a double submit").isEqualTo(409);

    shop.awaitStage("web-1", Stage.AWAITING_APPROVAL);
    HttpResponse<String> status = send("GET", "/orders/web-1", "");
    assertThat(status.statusCode()).isEqualTo(200);
    JsonNode body = json.readTree(status.body());
    assertThat(body.get("stage").asText()).isEqualTo("AWAITING_APPROVAL");
    assertThat(body.get("timeline").toString()).contains("waiting for a manager: 662.00 EUR");

    HttpResponse<String> approved = send("POST", "/orders/web-1/approve", "{\"manager\":\"dana\"}");
    assertThat(approved.statusCode()).isEqualTo(202);
    assertThat(shop.desk().order("web-1").result(Duration.ofSeconds(60)).outcome())
        .isEqualTo(Outcome.DELIVERED);
    assertThat(json.readTree(send("GET", "/orders/web-1", "").body()).get("stage").asText())
        .isEqualTo("DELIVERED");
  }

  @Test
  void managerCompletesTheTaskTokenFromTheMail() throws Exception {
    assertThat(send("POST", "/orders", orderJson("web-2")).statusCode()).isEqualTo(201);
    String token = shop.awaitApprovalToken("web-2");

    String answer = "{\"approved\":false,\"manager\":\"erin\",\"note\":\"suspicious address\"}";
    HttpResponse<String> answered = send("POST", "/tasks/" + token, answer);
    assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
    assertThat(shop.desk().order("web-2").result(Duration.ofSeconds(60)).outcome())
        .isEqualTo(Outcome.REJECTED);

    assertThat(send("POST", "/tasks/" + token, answer).statusCode())
        .as("the same answer sent again, as a retrying browser would: a no-op")
        .isEqualTo(200);
    String other = "{\"approved\":true,\"manager\":\"frank\",\"note\":\"fine by me\"}";
    assertThat(send("POST", "/tasks/" + token, other).statusCode())
        .as("another answer to a request already answered")
        .isEqualTo(409);
  }

  @Test
  void unknownOrdersAndBadRequests() throws Exception {
    assertThat(send("GET", "/orders/nope", "").statusCode()).isEqualTo(404);
    assertThat(send("POST", "/orders/nope/approve", "{\"manager\":\"dana\"}").statusCode())
        .isEqualTo(404);
    assertThat(send("POST", "/orders", "{not json").statusCode()).isEqualTo(400);
    assertThat(send("POST", "/orders/web-3/approve", "{}").statusCode()).isEqualTo(400);
    assertThat(
            send("POST", "/tasks/not-a-token", "{\"approved\":true,\"manager\":\"x\"}")
                .statusCode())
        .isEqualTo(400);
    assertThat(send("DELETE", "/orders", "").statusCode()).isEqualTo(404);
  }
}
