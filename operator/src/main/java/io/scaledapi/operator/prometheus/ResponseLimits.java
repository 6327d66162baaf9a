package io.scaledapi.operator.prometheus;

/**
 * What one Prometheus answer may hold before the client stops reading it. Together with the
 * request's deadline they bound the memory and the time of every query, whatever a server sends.
 *
 * @param maxBytes the largest body read
 * @param maxSeries the most series kept from one answer: an instant query needs one, and a few more
 *     tell the user how they differ
 * @param maxPoints the most samples kept from one range answer, over all its series
 * @param maxLabels the most labels of one series
 * @param maxLabelText the most characters of label names and values kept from one answer
 * @param maxDepth the deepest JSON nesting read; a Prometheus answer nests 8 levels at most
 * @param maxString the longest JSON string read, in characters
 */
record ResponseLimits(
    long maxBytes,
    int maxSeries,
    int maxPoints,
    int maxLabels,
    int maxLabelText,
    int maxDepth,
    int maxString) {

  /** The limits every client uses. */
  static final ResponseLimits DEFAULT =
      new ResponseLimits(32L * 1024 * 1024, 10, 11_000, 128, 256 * 1024, 16, 64 * 1024);

  /** These limits with another body size limit. */
  ResponseLimits withMaxBytes(long bytes) {
    return new ResponseLimits(
        bytes, maxSeries, maxPoints, maxLabels, maxLabelText, maxDepth, maxString);
  }
}
