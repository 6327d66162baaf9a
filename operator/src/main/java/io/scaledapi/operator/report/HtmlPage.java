package io.scaledapi.operator.report;

/**
 * The frame every report shares: the document head with its style, and the tags that close it. No
 * scripts and nothing loaded from elsewhere.
 */
final class HtmlPage {

  static final String STYLE =
      """
      body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:1000px;color:#1b1f24;\
      line-height:1.45}
      table{border-collapse:collapse;margin:1rem 0;font-size:.9rem}
      th,td{border:1px solid #d0d7de;padding:.25rem .5rem}
      td.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
      th{background:#f6f8fa;text-align:left}
      figure{margin:1.5rem 0}
      figcaption{font-weight:600}
      p.note{color:#57606a;font-size:.9rem}
      .chart{width:100%;height:auto}
      .chart path.line{fill:none;stroke-width:1.5}
      .chart path.band{fill-opacity:.2;stroke-width:1;stroke-linejoin:round}
      .chart .guide{fill:#8c959f;fill-opacity:.15;stroke:#57606a;stroke-width:1;\
      stroke-dasharray:4 3}
      .chart .slo{stroke:#cf222e;stroke-width:1.2;stroke-dasharray:6 3}
      .chart .slo-label{fill:#cf222e;font-size:12px}
      .chart .grid{stroke:#eaeef2}
      .chart .tick{fill:#57606a;font-size:12px;stroke:none}
      .chart .label{font-size:12px;stroke:none}
      .chart .beaten{fill-opacity:.25;stroke:none}
      .chart .point{stroke:none}
      .chart .default{fill:none;stroke-width:2}
      .chart .window{fill:#fff8c5;stroke:none}
      """;

  private HtmlPage() {}

  /** The page up to and including the opening {@code <body>}. */
  static StringBuilder open(String title) {
    return new StringBuilder()
        .append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<title>")
        .append(HtmlReport.escape(title))
        .append("</title>\n<style>\n")
        .append(STYLE)
        .append(Palette.STYLE)
        .append("</style>\n</head>\n<body>\n<h1>")
        .append(HtmlReport.escape(title))
        .append("</h1>\n");
  }

  /** {@code <p>text</p>}, the text escaped. */
  static String paragraph(String text) {
    return "<p>" + HtmlReport.escape(text) + "</p>\n";
  }

  static String close() {
    return "</body>\n</html>\n";
  }
}
