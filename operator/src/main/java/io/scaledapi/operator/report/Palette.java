package io.scaledapi.operator.report;

import java.util.List;

/**
 * One colour per policy, the same on every chart of every report: a CSS class {@code c0} to {@code
 * c6} that sets the stroke and the fill; the page's style says which elements use which. Lines of
 * policies that often coincide with another, keda with hpa and ours-reactive with ours, are dashed,
 * so that both show where they overlap.
 */
final class Palette {

  /** The policies with a colour of their own, in the order of their classes. */
  private static final List<String> KNOWN =
      List.of("ours", "ours-reactive", "hpa", "keda", "knative", "oracle");

  static final String STYLE =
      """
      .c0{stroke:#0969da;fill:#0969da}
      .c1{stroke:#54aeff;fill:#54aeff}
      .c2{stroke:#bc4c00;fill:#bc4c00}
      .c3{stroke:#8250df;fill:#8250df}
      .c4{stroke:#1a7f37;fill:#1a7f37}
      .c5{stroke:#24292f;fill:#24292f}
      .c6{stroke:#bf3989;fill:#bf3989}
      .chart path.line.c1,.chart path.line.c3,.chart path.band.c1,.chart path.band.c3{stroke-dasharray:6 4}
      """;

  private Palette() {}

  /** The class of {@code policy}: its own when it is known, else the spare one. */
  static String of(String policy) {
    int known = KNOWN.indexOf(policy);
    return "c" + (known < 0 ? KNOWN.size() : known);
  }
}
