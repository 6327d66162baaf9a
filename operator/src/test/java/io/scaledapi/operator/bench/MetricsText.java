package io.scaledapi.operator.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** One scrape of a Prometheus text exposition, parsed into samples. */
record MetricsText(List<Sample> samples) {

  record Sample(String name, Map<String, String> labels, double value) {}

  static MetricsText parse(String text) {
    List<Sample> samples = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int brace = line.indexOf('{');
      int space = line.lastIndexOf('}') >= 0 ? line.lastIndexOf('}') + 1 : line.indexOf(' ');
      String name =
          brace >= 0 && brace < space ? line.substring(0, brace) : line.substring(0, space);
      Map<String, String> labels =
          brace >= 0 && brace < space ? labels(line.substring(brace + 1, space - 1)) : Map.of();
      String[] rest = line.substring(space).trim().split("\\s+");
      samples.add(new Sample(name, labels, number(rest[0])));
    }
    return new MetricsText(samples);
  }

  /** A sample value or bucket bound: a Java double, or {@code +Inf}/{@code -Inf}. */
  static double number(String text) {
    return Double.parseDouble(text.replace("Inf", "Infinity"));
  }

  private static Map<String, String> labels(String body) {
    Map<String, String> labels = new TreeMap<>();
    int i = 0;
    while (i < body.length()) {
      int eq = body.indexOf('=', i);
      String key = body.substring(i, eq).trim();
      StringBuilder value = new StringBuilder();
      int j = eq + 2; // past ="
      while (body.charAt(j) != '"') {
        if (body.charAt(j) == '\\') {
          j++;
        }
        value.append(body.charAt(j++));
      }
      labels.put(key, value.toString());
      i = j + 1;
      while (i < body.length() && (body.charAt(i) == ',' || body.charAt(i) == ' ')) {
        i++;
      }
    }
    return labels;
  }

  /** The sum of the samples of {@code name} whose labels pass {@code filter}. */
  double sum(String name, Predicate<Map<String, String>> filter) {
    return samples.stream()
        .filter(s -> s.name().equals(name) && filter.test(s.labels()))
        .mapToDouble(Sample::value)
        .sum();
  }

  double sum(String name) {
    return sum(name, labels -> true);
  }

  /** The samples of {@code name} summed by the values of {@code keys}, joined by a space. */
  Map<String, Double> sumBy(String name, List<String> keys) {
    return samples.stream()
        .filter(s -> s.name().equals(name))
        .collect(
            Collectors.groupingBy(
                s ->
                    keys.stream()
                        .map(k -> s.labels().getOrDefault(k, ""))
                        .collect(Collectors.joining(" ")),
                TreeMap::new,
                Collectors.summingDouble(Sample::value)));
  }
}
