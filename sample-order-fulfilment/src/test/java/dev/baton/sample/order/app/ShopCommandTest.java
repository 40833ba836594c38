package dev.baton.sample.order.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.sample.order.ShopSettings;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The command line's roles and options. */
class ShopCommandTest {
  @Test
  void noArgumentsIsTheDemoOnEmbeddedH2() {
    ShopCommand command = ShopCommand.parse();

    assertThat(command.role()).isEqualTo("demo");
    assertThat(command.databaseName()).startsWith("embedded H2 in ").endsWith("baton-data");
    assertThat(command.settings()).isEqualTo(ShopSettings.demo());
    assertThat(command.webAddress()).isEqualTo("http://localhost:8080");
  }

  @Test
  void optionsGoAnywhereAndTheRoleKeepsItsArguments() {
    ShopCommand command =
        ShopCommand.parse(
            "--db",
            "jdbc:mysql://db:3306/shop",
            "place-order",
            "cli-7",
            "book-1984=2",
            "--card",
            "tok_declined",
            "--wait",
            "tea-green",
            "--timings",
            "shop");

    assertThat(command.role()).isEqualTo("place-order");
    assertThat(command.arguments()).containsExactly("cli-7", "book-1984=2", "tea-green");
    assertThat(command.databaseName()).isEqualTo("jdbc:mysql://db:3306/shop");
    assertThat(command.option("card", "tok_visa")).isEqualTo("tok_declined");
    assertThat(command.flag("wait")).isTrue();
    assertThat(command.settings().policy().cancelUnapprovedAfter()).isEqualTo(Duration.ofDays(3));
  }

  @Test
  void badOptionsAreRefused() {
    assertThatThrownBy(() -> ShopCommand.parse("web", "--port"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--port needs a value");
    assertThatThrownBy(() -> ShopCommand.parse("--timings", "weeks").settings())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'demo' or 'shop'");
    assertThat(ShopCommand.USAGE.lines().toList())
        .anyMatch(line -> line.contains("workflow-worker"))
        .anyMatch(line -> line.contains("activity-worker"));
    assertThat(List.of("demo", "web", "worker")).allMatch(ShopCommand.USAGE::contains);
  }
}
