package dev.baton.sample.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrderFulfilmentAppTest {
  @Test
  void sampleRunsEveryStepAndPrintsTheResult(@TempDir Path folder) {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream original = System.out;
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      OrderFulfilmentApp.main(new String[] {folder.toString()});
    } finally {
      System.setOut(original);
    }
    String output = captured.toString(StandardCharsets.UTF_8);
    assertThat(output)
        .contains("[warehouse] reserved 3 item(s) for order-42")
        .contains("[payments] charged alice@example.com 34.80 EUR for order-42")
        .contains("[shipping] handed RES-order-42 to the carrier")
        .contains(
            "Result: OrderResult[orderId=order-42, reservationId=RES-order-42,"
                + " paymentId=PAY-order-42, trackingNumber=TRACK-order-42]");
  }
}
