package io.scaledapi.operator.report;

/** Sentences for a terminal: wrapped to a width that reads without a wide window. */
public final class Prose {

  /** The width prose on stdout is wrapped to. */
  public static final int WIDTH = 100;

  private Prose() {}

  /** {@code text} in lines of at most {@link #WIDTH} characters, each ended by a newline. */
  public static String wrap(String text) {
    return wrap(text, WIDTH);
  }

  /**
   * {@code text} in lines of at most {@code width} characters, broken at spaces, each ended by a
   * newline; a word longer than the width has a line of its own. Nothing for blank text.
   */
  static String wrap(String text, int width) {
    StringBuilder lines = new StringBuilder();
    int length = 0;
    for (String word : text.strip().split(" +")) {
      if (word.isEmpty()) {
        continue;
      }
      if (length > 0 && length + 1 + word.length() > width) {
        lines.append('\n');
        length = 0;
      } else if (length > 0) {
        lines.append(' ');
        length++;
      }
      lines.append(word);
      length += word.length();
    }
    return length > 0 ? lines.append('\n').toString() : "";
  }
}
