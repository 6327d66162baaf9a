package io.scaledapi.operator.prometheus;

/**
 * Text copied from a Prometheus answer into a message, cut to fit a status condition, an event and
 * a log line. Credentials are masked before anything is cut, so no part of one is left behind.
 */
public final class ResponseText {

  /** The most characters of one piece of response text kept in a message. */
  public static final int MAX_LENGTH = 256;

  /** The most characters of one label value shown when series are told apart. */
  static final int MAX_LABEL_VALUE = 64;

  private ResponseText() {}

  /**
   * {@code text} if it has at most {@value #MAX_LENGTH} characters; otherwise its start, {@code …}
   * and its original length, such as {@code "abc… (5000000 characters)"}.
   */
  public static String cut(String text) {
    return cut(text, MAX_LENGTH);
  }

  static String cut(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    return start(text, max) + "… (" + text.length() + " characters)";
  }

  /** {@code text} if it has at most {@code max} characters; otherwise its start and {@code …}. */
  static String clip(String text, int max) {
    return text.length() <= max ? text : start(text, max) + "…";
  }

  /** The first {@code max} characters, without splitting a surrogate pair. */
  private static String start(String text, int max) {
    int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
    return text.substring(0, end);
  }
}
