package io.scaledapi.operator.report;

/**
 * The comparison as a markdown table with aligned columns: readable in a terminal, pasteable into
 * docs.
 */
public final class ResultsTable {

  private ResultsTable() {}

  public static String render(Comparison comparison) {
    return table(comparison).markdown();
  }

  /** The comparison's cells under its headers. */
  static TextTable table(Comparison comparison) {
    return new TextTable(
        Comparison.HEADERS, comparison.rows().stream().map(Comparison.Row::cells).toList());
  }
}
