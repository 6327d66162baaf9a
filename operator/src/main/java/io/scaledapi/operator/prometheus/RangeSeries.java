package io.scaledapi.operator.prometheus;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One series of a range query: its labels (sorted by name) and its samples in time order. */
public record RangeSeries(Map<String, String> labels, List<Sample> samples) {

  /** Copies both collections. */
  public RangeSeries {
    labels = Collections.unmodifiableMap(new TreeMap<>(labels));
    samples = List.copyOf(samples);
  }
}
