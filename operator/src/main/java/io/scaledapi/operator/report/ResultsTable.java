package io.scaledapi.operator.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The comparison as a markdown table with aligned columns: readable in a terminal, pasteable into
 * docs.
 */
public final class ResultsTable {

  private ResultsTable() {}

  public static String render(Comparison comparison) {
    List<List<String>> lines = new ArrayList<>();
    lines.add(Comparison.HEADERS);
    comparison.rows().forEach(row -> lines.add(row.cells()));
    int columns = Comparison.HEADERS.size();
    int[] widths = new int[columns];
    for (List<String> line : lines) {
      for (int c = 0; c < columns; c++) {
        widths[c] = Math.max(widths[c], line.get(c).length());
      }
    }
    StringBuilder table = new StringBuilder();
    append(table, lines.get(0), widths);
    table.append('|');
    for (int c = 0; c < columns; c++) {
      // the policy column reads left to right; numbers align on the right
      table.append(c == 0 ? "-".repeat(widths[c] + 2) : "-".repeat(widths[c] + 1) + ":");
      table.append('|');
    }
    table.append('\n');
    for (List<String> line : lines.subList(1, lines.size())) {
      append(table, line, widths);
    }
    return table.toString();
  }

  private static void append(StringBuilder table, List<String> cells, int[] widths) {
    table.append('|');
    for (int c = 0; c < cells.size(); c++) {
      String cell = cells.get(c);
      String pad = " ".repeat(widths[c] - cell.length());
      table.append(' ').append(c == 0 ? cell + pad : pad + cell).append(" |");
    }
    table.append('\n');
  }
}
