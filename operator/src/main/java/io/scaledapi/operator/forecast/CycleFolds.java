package io.scaledapi.operator.forecast;

/**
 * The typical residual at each phase of a cycle of {@code slots} slots, learned twice over: once
 * from the even-numbered cycles and once from the odd ones. Two halves that never share a cycle let
 * {@link CycleDetector} tell a shape that repeats from one that noise drew once. At each phase a
 * half averages its first visits plainly and then moves a share {@code gain} per visit toward the
 * new residual. Also keeps the mean square residual, over about the same memory.
 */
final class CycleFolds {

  private static final double MAX_VISITS = 1000;

  private final int slots;
  private final double gain;
  private final double squareGain;
  private final double[][] value;
  private final double[][] visits;
  private double square;
  private long squares;

  /**
   * @param slots the slots in one cycle
   * @param memory the time constant of forgetting, in slots
   */
  CycleFolds(int slots, double memory) {
    this.slots = slots;
    // each half visits a phase once every two cycles
    this.gain = TimeConstants.gain(2.0 * slots, memory);
    this.squareGain = TimeConstants.gain(1, memory);
    this.value = new double[2][slots];
    this.visits = new double[2][slots];
  }

  /** Teaches the residual {@code r} of slot {@code index} (counted from the epoch). */
  void teach(long index, double r) {
    int phase = (int) Math.floorMod(index, (long) slots);
    int half = (int) Math.floorMod(Math.floorDiv(index, (long) slots), 2L);
    double seen = visits[half][phase];
    value[half][phase] += Math.max(gain, 1 / (seen + 1)) * (r - value[half][phase]);
    visits[half][phase] = Math.min(seen + 1, MAX_VISITS);
    square += Math.max(squareGain, 1.0 / ++squares) * (r * r - square);
  }

  /** The profile learned from the even ({@code 0}) or odd ({@code 1}) cycles; not a copy. */
  double[] half(int half) {
    return value[half];
  }

  /** The mean square residual: what a forecast without cycles is off by, squared. */
  double meanSquare() {
    return square;
  }
}
