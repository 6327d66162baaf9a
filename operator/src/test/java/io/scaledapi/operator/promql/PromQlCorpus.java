package io.scaledapi.operator.promql;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Queries Prometheus 2.42 accepts and queries it rejects, with the message this parser gives for
 * each; read from {@code promql/valid.promql} and {@code promql/invalid.tsv} (one query a line,
 * {@code ##} lines are comments), plus the ones that need line breaks.
 */
final class PromQlCorpus {
  private PromQlCorpus() {}

  /** A query Prometheus rejects and what this parser says about it. */
  record Invalid(String query, String message) {
    @Override
    public String toString() {
      return query.replace("\n", "\\n");
    }
  }

  static List<String> valid() {
    List<String> valid = new ArrayList<>(lines("valid.promql"));
    valid.add("foo # a comment\n+ bar");
    valid.add("# a comment first\nfoo");
    valid.add("sum(\n  rate(foo[5m])\n)\nby (job)");
    valid.add("foo{job=\"api\", # a comment inside braces\n code=\"200\"}");
    valid.add("foo\r\n+\tbar");
    return valid;
  }

  static List<Invalid> invalid() {
    List<Invalid> invalid = new ArrayList<>();
    for (String line : lines("invalid.tsv")) {
      int tab = line.lastIndexOf('\t');
      invalid.add(new Invalid(line.substring(0, tab), line.substring(tab + 1)));
    }
    invalid.add(new Invalid("", "1:1: no expression found in input"));
    invalid.add(new Invalid("   \n  ", "1:1: no expression found in input"));
    invalid.add(
        new Invalid(
            "sum(\n  foo bar)",
            "2:7: unexpected identifier \"bar\" in aggregation, expected \",\" or \")\""));
    invalid.add(new Invalid("foo{job=\"a\nb\"}", "1:9: unterminated quoted string"));
    return invalid;
  }

  private static List<String> lines(String resource) {
    try (InputStream in = PromQlCorpus.class.getResourceAsStream("/promql/" + resource)) {
      if (in == null) {
        throw new IllegalStateException("no test resource promql/" + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .filter(l -> !l.startsWith("##") && !l.isEmpty())
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
