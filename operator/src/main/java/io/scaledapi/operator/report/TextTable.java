package io.scaledapi.operator.report;

import java.util.List;

/**
 * A table of text cells, the first column a name read left to right and the others numbers aligned
 * on the right: rendered as markdown with aligned columns for a terminal, or as HTML.
 */
public record TextTable(List<String> headers, List<List<String>> rows) {

  public TextTable {
    headers = List.copyOf(headers);
    rows = rows.stream().map(List::copyOf).toList();
    for (List<String> row : rows) {
      if (row.size() != headers.size()) {
        throw new IllegalArgumentException(
            headers.size() + " headers but a row of " + row.size() + " cells: " + row);
      }
    }
  }

  /** Markdown with every column padded to its widest cell. */
  public String markdown() {
    int columns = headers.size();
    int[] widths = new int[columns];
    for (int c = 0; c < columns; c++) {
      widths[c] = headers.get(c).length();
      for (List<String> row : rows) {
        widths[c] = Math.max(widths[c], row.get(c).length());
      }
    }
    StringBuilder table = new StringBuilder();
    line(table, headers, widths);
    table.append('|');
    for (int c = 0; c < columns; c++) {
      // the first column reads left to right; numbers align on the right
      table.append(c == 0 ? "-".repeat(widths[c] + 2) : "-".repeat(widths[c] + 1) + ":");
      table.append('|');
    }
    table.append('\n');
    rows.forEach(row -> line(table, row, widths));
    return table.toString();
  }

  /** An HTML table: a header row, then each row with its name as a row header. */
  public String html() {
    StringBuilder table = new StringBuilder("<table>\n<thead><tr>");
    headers.forEach(h -> table.append("<th>").append(HtmlReport.escape(h)).append("</th>"));
    table.append("</tr></thead>\n<tbody>\n");
    for (List<String> row : rows) {
      table.append("<tr><th>").append(HtmlReport.escape(row.get(0))).append("</th>");
      row.subList(1, row.size())
          .forEach(
              c -> table.append("<td class=\"num\">").append(HtmlReport.escape(c)).append("</td>"));
      table.append("</tr>\n");
    }
    return table.append("</tbody>\n</table>\n").toString();
  }

  private static void line(StringBuilder table, List<String> cells, int[] widths) {
    table.append('|');
    for (int c = 0; c < cells.size(); c++) {
      String cell = cells.get(c);
      String pad = " ".repeat(widths[c] - cell.length());
      table.append(' ').append(c == 0 ? cell + pad : pad + cell).append(" |");
    }
    table.append('\n');
  }
}
