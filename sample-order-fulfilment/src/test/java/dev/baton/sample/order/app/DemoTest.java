package dev.baton.sample.order.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** README's first command: the demo places its orders and prints how each ended. */
class DemoTest {
  @Test
  void demoPrintsTheOutcomeOfEachOrder(@TempDir Path folder) throws Exception {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream original = System.out;
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    long started = System.nanoTime();
    try {
      OrderFulfilmentApp.main(new String[] {"--data", folder.toString()});
    } finally {
      System.setOut(original);
    }
    String output = captured.toString(StandardCharsets.UTF_8);
    System.out.println(output);
    assertThat((System.nanoTime() - started) / 1_000_000_000L).as("seconds").isLessThan(60);
    assertThat(output)
        .contains("again (a double submit): refused by Baton")
        .contains("answers the approval mail")
        .containsPattern(
            "order-\\d{4}-\\d{6}-1 +DELIVERED: delivered to Alice Martin, Paris \\(1 parcel\\(s\\)")
        .containsPattern(
            "order-\\d{4}-\\d{6}-2 +DELIVERED: delivered to Bob Jones, Leeds \\(2 parcel\\(s\\)")
        .containsPattern(
            "order-\\d{4}-\\d{6}-3 +PAYMENT_DECLINED: the card was declined; undone: refunded 114.80 EUR");
  }
}
