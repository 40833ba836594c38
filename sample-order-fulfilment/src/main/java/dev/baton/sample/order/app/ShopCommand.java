package dev.baton.sample.order.app;

import dev.baton.Baton;
import dev.baton.sample.order.ShopSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The command line: a role and its arguments, with options that say which database to use.
 *
 * @param role {@code demo}, {@code web}, {@code workflow-worker}, {@code activity-worker}, {@code
 *     worker} or {@code place-order}
 * @param arguments what follows the role
 * @param options {@code --name value} pairs, anywhere on the line
 */
public record ShopCommand(String role, List<String> arguments, Map<String, String> options) {
  /** How to use the sample. */
  public static final String USAGE =
      """
      usage: OrderFulfilmentApp [options] [role [arguments]]

      roles:
        demo                  places three orders, approves one, prints a summary (the default)
        web                   the HTTP endpoint and starter (port --port, default 8080)
        workflow-worker       runs the order, packing and tracking workflows
        activity-worker       runs the payment, warehouse, carrier and approval systems
        worker                both workers in one process
        place-order ID SKU=QTY...  places an order from the command line; --card TOKEN
                              (tok_visa, tok_declined), --customer EMAIL, --city CITY, --wait

      options:
        --db URL              a MySQL/MariaDB JDBC URL (default: embedded H2 in --data)
        --user USER --password PASSWORD    for --db
        --data FOLDER         the embedded H2 folder (default ./baton-data)
        --timings demo|shop   seconds (default) or a real shop's days
        --web URL             where managers find the web endpoint (default http://localhost:PORT)
      """;

  /** Parses {@code args}. */
  public static ShopCommand parse(String... args) {
    Map<String, String> options = new HashMap<>();
    List<String> positional = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--wait") || arg.equals("--help")) {
        options.put(arg.substring(2), "true");
      } else if (arg.startsWith("--")) {
        if (i + 1 == args.length) {
          throw new IllegalArgumentException(arg + " needs a value");
        }
        options.put(arg.substring(2), args[++i]);
      } else {
        positional.add(arg);
      }
    }
    String role = positional.isEmpty() ? "demo" : positional.remove(0);
    return new ShopCommand(role, List.copyOf(positional), Map.copyOf(options));
  }

  /** Opens Baton on the database the options name: MySQL/MariaDB with --db, else embedded H2. */
  public Baton openBaton() {
    String url = options.get("db");
    if (url != null) {
      return Baton.connect(url, options.get("user"), options.getOrDefault("password", ""));
    }
    return Baton.embedded(dataFolder());
  }

  /** Where the database is, for people. */
  public String databaseName() {
    String url = options.get("db");
    return url != null ? url : "embedded H2 in " + dataFolder().toAbsolutePath().normalize();
  }

  /** The settings the options choose. */
  public ShopSettings settings() {
    return ShopSettings.named(options.getOrDefault("timings", "demo"));
  }

  /** The web endpoint's port. */
  public int port() {
    return Integer.parseInt(options.getOrDefault("port", "8080"));
  }

  /** Where managers reach the web endpoint. */
  public String webAddress() {
    return options.getOrDefault("web", "http://localhost:" + port());
  }

  /** An option's value, or {@code fallback}. */
  public String option(String name, String fallback) {
    return options.getOrDefault(name, fallback);
  }

  /** Whether a flag such as {@code --wait} was given. */
  public boolean flag(String name) {
    return options.containsKey(name);
  }

  private Path dataFolder() {
    @Nullable String data = options.get("data");
    return data != null ? Path.of(data) : Baton.DEFAULT_EMBEDDED_FOLDER;
  }
}
