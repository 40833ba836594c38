package dev.baton.sample.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.WorkflowStatus;
import dev.baton.testing.WorkflowReplayer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Delivered orders' histories, recorded with {@code baton.exportHistory} and kept in {@code
 * src/test/resources/histories/}: today's code must still replay them, and the newest must still be
 * what the code records. {@code -Dsample.history.update=true} records it again.
 */
class RecordedHistoryTest {
  static final String RESOURCE = "/histories/order-delivered.json";
  static final String ORDER_ID = "order-recorded";

  private final ObjectMapper json = new ObjectMapper();

  private static String recorded(String resource) throws IOException {
    try (InputStream in = RecordedHistoryTest.class.getResourceAsStream(resource)) {
      assertThat(in).as("%s in src/test/resources", resource).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /**
   * The query replays the whole recorded history on today's workflow code: a change that breaks
   * determinism fails here. The older file was recorded before the tracking-number mail was added
   * behind {@code Workflows.getVersion}, and replays without it.
   */
  @Test
  void everyRecordedHistoryReplaysWithTodaysCode() throws Exception {
    WorkflowReplayer.replayFolder(
        Path.of(RecordedHistoryTest.class.getResource("/histories").toURI()),
        OrderFulfilmentImpl.class,
        PickAndPackImpl.class,
        DeliveryTrackingImpl.class);
  }

  @ParameterizedTest
  @CsvSource({"order-delivered.json, true", "order-delivered-before-tracking-mail.json, false"})
  void recordedOrderAnswersQueriesAsItDidThen(String file, boolean mailed) throws IOException {
    try (ShopTestKit shop = ShopTestKit.open()) {
      assertThat(shop.baton().importHistory(recorded("/histories/" + file))).isEqualTo(ORDER_ID);

      assertThat(shop.baton().describe(ORDER_ID).status()).isEqualTo(WorkflowStatus.COMPLETED);
      OrderStatus status = shop.desk().status(ORDER_ID);
      assertThat(status.stage()).isEqualTo(Stage.DELIVERED);
      assertThat(status.trackingNumber()).isEqualTo("TRK-" + ORDER_ID);
      List<String> expected = new ArrayList<>();
      expected.add("received [1 x book-1984, 2 x mug-blue] for alice@example.com");
      expected.add("checked: 34.80 EUR");
      expected.add("charged 34.80 EUR as PAY-order-recorded");
      expected.add("reserved stock in [berlin]");
      expected.add("1 parcel(s) packed");
      expected.add("shipped, tracking number TRK-order-recorded");
      if (mailed) {
        expected.add("mailed the tracking number to alice@example.com");
      }
      expected.add("delivered after 3 question(s) to the carrier");
      expected.add("DELIVERED: delivered to Alice Martin, Paris");
      assertThat(status.timeline()).containsExactlyElementsOf(expected);
    }
  }

  @Test
  void recordingIsCurrent() throws IOException {
    String fresh;
    try (ShopTestKit shop = ShopTestKit.open()) {
      assertThat(shop.fulfil(TestOrders.small(ORDER_ID)).outcome()).isEqualTo(Outcome.DELIVERED);
      fresh = shop.baton().exportHistory(ORDER_ID);
    }
    if (Boolean.getBoolean("sample.history.update")) {
      Path file = Path.of("src/test/resources" + RESOURCE);
      Files.writeString(
          file,
          json.writerWithDefaultPrettyPrinter().writeValueAsString(json.readTree(fresh)) + "\n");
      System.out.println("Recorded " + file.toAbsolutePath());
    }
    // Times, run ids and how events group into workflow tasks differ from run to run; which events
    // happen, and how often, must not.
    assertThat(eventCounts(fresh))
        .as(
            "event counts of a fresh run against %s (-Dsample.history.update=true records it again)",
            RESOURCE)
        .isEqualTo(eventCounts(recorded(RESOURCE)));
  }

  private Map<String, Integer> eventCounts(String export) throws IOException {
    JsonNode root = json.readTree(export);
    assertThat(root.get("format").asText()).isEqualTo("baton-history/1");
    Map<String, Integer> counts = new TreeMap<>();
    for (JsonNode event : root.get("events")) {
      String type = event.get("type").asText();
      if (!type.startsWith("WorkflowTask")) {
        counts.merge(type, 1, Integer::sum);
      }
    }
    return counts;
  }
}
