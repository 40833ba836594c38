package dev.baton.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Collects figures; prints each as a RESULT line when it is measured, and a table at the end. */
final class Report {
  /** One figure: the median of its runs, with their min and max, and what else describes it. */
  record Figure(
      String name,
      String description,
      double value,
      String unit,
      double min,
      double max,
      Map<String, String> extra) {}

  private final List<Figure> figures = new ArrayList<>();

  /** Adds a figure measured by {@code runs} and prints its RESULT line at once. */
  void add(String name, String description, String unit, List<Double> runs, Object... keyValues) {
    Map<String, String> extra = new LinkedHashMap<>();
    extra.put("runs", String.valueOf(runs.size()));
    for (int i = 0; i + 1 < keyValues.length; i += 2) {
      extra.put(String.valueOf(keyValues[i]), format(keyValues[i + 1]));
    }
    extra.put("load", format(Machine.load()));
    Figure figure =
        new Figure(
            name, description, Stats.median(runs), unit, Stats.min(runs), Stats.max(runs), extra);
    figures.add(figure);
    StringBuilder line = new StringBuilder("RESULT name=").append(name);
    line.append(" value=").append(format(figure.value()));
    line.append(" unit=").append(unit);
    line.append(" min=").append(format(figure.min()));
    line.append(" max=").append(format(figure.max()));
    extra.forEach((k, v) -> line.append(' ').append(k).append('=').append(v));
    System.out.println(line);
    System.out.flush();
  }

  /** The table of every figure, in Markdown. */
  String table() {
    StringBuilder out = new StringBuilder();
    out.append("| figure | what | median | min – max | unit | notes |\n");
    out.append("|---|---|---:|---:|---|---|\n");
    for (Figure f : figures) {
      StringBuilder notes = new StringBuilder();
      f.extra().forEach((k, v) -> notes.append(notes.length() == 0 ? "" : " ").append(k + "=" + v));
      out.append("| ")
          .append(f.name())
          .append(" | ")
          .append(f.description())
          .append(" | ")
          .append(format(f.value()))
          .append(" | ")
          .append(format(f.min()))
          .append(" – ")
          .append(format(f.max()))
          .append(" | ")
          .append(f.unit())
          .append(" | ")
          .append(notes)
          .append(" |\n");
    }
    return out.toString();
  }

  static String format(Object value) {
    if (value instanceof Double d) {
      if (d.isNaN()) {
        return "NaN";
      }
      double a = Math.abs(d);
      if (a >= 100 || d == Math.rint(d)) {
        return String.format(Locale.ROOT, "%.0f", d);
      }
      if (a >= 10) {
        return String.format(Locale.ROOT, "%.1f", d);
      }
      if (a >= 0.1) {
        return String.format(Locale.ROOT, "%.2f", d);
      }
      return String.format(Locale.ROOT, "%.3g", d);
    }
    if (value instanceof Float f) {
      return format(f.doubleValue());
    }
    return String.valueOf(value).replace(' ', '_');
  }
}
