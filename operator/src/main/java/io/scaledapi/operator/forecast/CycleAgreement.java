package io.scaledapi.operator.forecast;

import java.util.List;

/**
 * Whether each candidate period holds cycle after cycle, not only on average. As the residuals of
 * one cycle of the folds arrive, they are compared with the other half's profile folded to the
 * candidate period, which never saw them: at the end of the cycle the candidate agrees if that
 * profile would have brought the cycle's residuals closer to zero ({@code 2 <x, p> - |p|² > 0} over
 * the slots seen). A candidate holds while at least {@value #AGREEING} of the last {@value #CYCLES}
 * cycles agreed. Surges at random times that fall at the same phase in a few cycles by chance move
 * a per-phase average as a real cycle does, but they do not come back cycle after cycle.
 */
final class CycleAgreement {

  static final int CYCLES = 6;
  static final int AGREEING = 5;

  private final int slots;
  private final int[] periods;
  private final double[] cross;
  private final double[] square;
  private final int[] agreed;
  private final int[] judged;
  private long cycle = Long.MIN_VALUE;
  private int seen;

  /**
   * @param slots the slots in the folds' cycle
   * @param periods the candidate periods in slots, each dividing {@code slots}
   */
  CycleAgreement(int slots, List<Integer> periods) {
    this.slots = slots;
    this.periods = periods.stream().mapToInt(Integer::intValue).toArray();
    this.cross = new double[this.periods.length];
    this.square = new double[this.periods.length];
    this.agreed = new int[this.periods.length];
    this.judged = new int[this.periods.length];
  }

  /** Compares the residual {@code r} of slot {@code index} with the other half of {@code folds}. */
  void add(long index, double r, CycleFolds folds) {
    long c = Math.floorDiv(index, (long) slots);
    if (c != cycle) {
      judge();
      cycle = c;
    }
    double[] other = folds.half((int) Math.floorMod(c + 1, 2L));
    int phase = (int) Math.floorMod(index, (long) slots);
    for (int i = 0; i < periods.length; i++) {
      double expected = folded(other, phase, periods[i]);
      cross[i] += r * expected;
      square[i] += expected * expected;
    }
    seen++;
  }

  /** Whether the candidate period of slots {@code period} holds. */
  boolean holds(int period) {
    for (int i = 0; i < periods.length; i++) {
      if (periods[i] == period) {
        return judged[i] == CYCLES && Integer.bitCount(agreed[i]) >= AGREEING;
      }
    }
    return false;
  }

  /** Ends the current cycle: its verdict counts when at least half of its slots were seen. */
  private void judge() {
    for (int i = 0; i < periods.length; i++) {
      if (2 * seen >= slots) {
        boolean agrees = 2 * cross[i] - square[i] > 0;
        agreed[i] = (agreed[i] << 1 | (agrees ? 1 : 0)) & ((1 << CYCLES) - 1);
        judged[i] = Math.min(judged[i] + 1, CYCLES);
      }
      cross[i] = 0;
      square[i] = 0;
    }
    seen = 0;
  }

  /** The mean of {@code profile} over the phases that are {@code phase} modulo {@code period}. */
  private static double folded(double[] profile, int phase, int period) {
    double sum = 0;
    int count = 0;
    for (int k = phase % period; k < profile.length; k += period) {
      sum += profile[k];
      count++;
    }
    return sum / count;
  }
}
