package io.scaledapi.operator.testing;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Collectors;

/**
 * Synthetic history in OpenMetrics text, for {@link PrometheusProcess#startWithHistory}: counters
 * whose rate, and gauges whose value, follow a function of time. Functions take Unix time in
 * seconds. The text is generated while it is written, so long histories need little memory.
 * Immutable.
 */
public final class OpenMetricsHistory implements Backfill {

  private static final String TOTAL = "_total";

  private enum Type {
    COUNTER,
    GAUGE
  }

  private record Series(
      String family,
      Type type,
      String name,
      Map<String, String> labels,
      SampleTimes times,
      DoubleUnaryOperator function) {}

  private final List<Series> series;

  private OpenMetricsHistory(List<Series> series) {
    this.series = List.copyOf(series);
  }

  /** A history without series; it writes only {@code # EOF}. */
  public static OpenMetricsHistory empty() {
    return new OpenMetricsHistory(List.of());
  }

  /**
   * Adds counter {@code name} (which must end in {@code _total}) with {@code labels}, starting at 0
   * and growing at {@code ratePerSecond} of the time, which must not be negative.
   */
  public OpenMetricsHistory counter(
      String name,
      Map<String, String> labels,
      SampleTimes times,
      DoubleUnaryOperator ratePerSecond) {
    if (!name.endsWith(TOTAL) || name.length() == TOTAL.length()) {
      throw new IllegalArgumentException("a counter's name must end in _total: " + name);
    }
    String family = name.substring(0, name.length() - TOTAL.length());
    return with(new Series(family, Type.COUNTER, name, labels, times, ratePerSecond));
  }

  /** Adds gauge {@code name} with {@code labels}, whose value is {@code value} of the time. */
  public OpenMetricsHistory gauge(
      String name, Map<String, String> labels, SampleTimes times, DoubleUnaryOperator value) {
    return with(new Series(name, Type.GAUGE, name, labels, times, value));
  }

  /** How many samples the text holds. */
  public long sampleCount() {
    return series.stream().mapToLong(s -> s.times().count()).sum();
  }

  /** Writes one family after another, each series in time order, then {@code # EOF}. */
  @Override
  public void writeOpenMetrics(Writer out) throws IOException {
    Map<String, List<Series>> families = new LinkedHashMap<>();
    series.forEach(s -> families.computeIfAbsent(s.family(), f -> new ArrayList<>()).add(s));
    for (Map.Entry<String, List<Series>> family : families.entrySet()) {
      Type type = family.getValue().get(0).type();
      out.write("# TYPE " + family.getKey() + " " + type.name().toLowerCase() + "\n");
      for (Series one : family.getValue()) {
        writeSeries(one, out);
      }
    }
    out.write("# EOF\n");
  }

  /** The whole text; for small histories. */
  public String text() {
    StringWriter text = new StringWriter();
    try {
      writeOpenMetrics(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  private OpenMetricsHistory with(Series added) {
    Exposition.checkName(added.name());
    added.labels().keySet().forEach(Exposition::checkLabelName);
    Objects.requireNonNull(added.times(), "times");
    Objects.requireNonNull(added.function(), "function");
    for (Series existing : series) {
      if (existing.family().equals(added.family()) && existing.type() != added.type()) {
        throw new IllegalArgumentException(
            "family " + added.family() + " is already a " + existing.type());
      }
    }
    List<Series> all = new ArrayList<>(series);
    all.add(
        new Series(
            added.family(),
            added.type(),
            added.name(),
            new TreeMap<>(added.labels()),
            added.times(),
            added.function()));
    return new OpenMetricsHistory(all);
  }

  private static void writeSeries(Series series, Writer out) throws IOException {
    String prefix = series.name() + labelText(series.labels()) + " ";
    SampleTimes times = series.times();
    double halfStep = times.step().toMillis() / 2000.0;
    double stepSeconds = times.step().toMillis() / 1000.0;
    double counter = 0;
    for (long i = 0; i < times.count(); i++) {
      Instant time = times.at(i);
      double value;
      if (series.type() == Type.COUNTER) {
        if (i > 0) {
          counter += rate(series, seconds(time) - halfStep) * stepSeconds;
        }
        value = counter;
      } else {
        value = series.function().applyAsDouble(seconds(time));
      }
      out.write(prefix + Exposition.format(value) + " " + timestamp(time) + "\n");
    }
  }

  private static double rate(Series counter, double epochSecond) {
    double rate = counter.function().applyAsDouble(epochSecond);
    if (!(rate >= 0) || Double.isInfinite(rate)) {
      throw new IllegalArgumentException(
          "rate of " + counter.name() + " at " + epochSecond + " is " + rate + "; must be >= 0");
    }
    return rate;
  }

  private static String labelText(Map<String, String> labels) {
    if (labels.isEmpty()) {
      return "";
    }
    return labels.entrySet().stream()
        .map(e -> e.getKey() + "=\"" + Exposition.escape(e.getValue()) + "\"")
        .collect(Collectors.joining(",", "{", "}"));
  }

  private static double seconds(Instant time) {
    return time.toEpochMilli() / 1000.0;
  }

  private static String timestamp(Instant time) {
    return BigDecimal.valueOf(time.toEpochMilli(), 3).stripTrailingZeros().toPlainString();
  }
}
