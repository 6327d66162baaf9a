package io.scaledapi.operator.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every key in values.yaml carries a {@code # --} comment (helm-docs' convention, as in KEDA's
 * chart). The keys inside a value documented as a whole, such as {@code resources.limits}, are
 * covered by its comment; a group whose children carry their own comments, such as {@code image},
 * needs them on every child.
 */
class ValuesDocumentationTest {
  private static final Pattern KEY = Pattern.compile("^(\\s*)([A-Za-z0-9_.\\-]+):(\\s.*)?$");

  private record Key(int line, int indent, String text, boolean documented) {}

  @Test
  void everyKeyHasADashDashComment() throws IOException {
    List<String> lines = Files.readAllLines(ChartRenderer.CHART.resolve("values.yaml"));
    List<Key> keys = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher key = KEY.matcher(lines.get(i));
      if (key.matches()) {
        keys.add(new Key(i, key.group(1).length(), lines.get(i).strip(), documented(lines, i)));
      }
    }

    List<String> undocumented = new ArrayList<>();
    for (int k = 0; k < keys.size(); k++) {
      Key key = keys.get(k);
      if (!key.documented() && !insideWholeValue(keys, lines, k)) {
        undocumented.add((key.line() + 1) + ": " + key.text());
      }
    }

    assertThat(keys).as("keys found in values.yaml").hasSizeGreaterThan(30);
    assertThat(undocumented).as("keys without a '# --' comment above them").isEmpty();
  }

  /** True when an ancestor is documented and documents its value as a whole. */
  private static boolean insideWholeValue(List<Key> keys, List<String> lines, int k) {
    int indent = keys.get(k).indent();
    for (int a = k - 1; a >= 0 && indent > 0; a--) {
      Key ancestor = keys.get(a);
      if (ancestor.indent() < indent) {
        if (ancestor.documented() && !hasDocumentedChildren(lines, ancestor)) {
          return true;
        }
        indent = ancestor.indent();
      }
    }
    return false;
  }

  private static boolean hasDocumentedChildren(List<String> lines, Key group) {
    for (int i = group.line() + 1; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      int indent = line.length() - line.stripLeading().length();
      if (indent <= group.indent()) {
        return false;
      }
      if (line.strip().startsWith("# -- ")) {
        return true;
      }
    }
    return false;
  }

  /** True when the block of comment lines right above line {@code index} has a "# --" line. */
  private static boolean documented(List<String> lines, int index) {
    for (int i = index - 1; i >= 0 && lines.get(i).strip().startsWith("#"); i--) {
      if (lines.get(i).strip().startsWith("# -- ")) {
        return true;
      }
    }
    return false;
  }
}
