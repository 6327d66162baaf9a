package io.scaledapi.operator.forecast;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides which candidate periods the residuals in {@link CycleFolds} really repeat with, and the
 * shape they add up to. A cycle of {@code p} slots lives in the harmonics of the folds' long cycle
 * of {@code n} slots that are multiples of {@code n / p}. On each harmonic the product of the two
 * halves estimates the energy of the shape that repeats (noise in one half is independent of the
 * other's), and their difference the energy of the noise; the forecast error a harmonic saves is
 * the first minus the noise left in the mean of both halves.
 *
 * <p>Only periods that hold cycle after cycle ({@link CycleAgreement}) are considered; all are
 * judged on the same cycles, so they compete from the start rather than a short period, which shows
 * part of a longer one's shape, being taken while the longer one still waits for data. They are
 * added one at a time, the one that saves the most per harmonic it adds first, while the harmonics
 * it adds save at least {@value #MIN_SHARE} of the mean square residual and carry at least {@value
 * #MIN_SIGNAL_TO_NOISE} times as much repeating energy as noise. Traffic without such cycles ends
 * with none, and is forecast as if there were no detector. Of the periods added, those that divide
 * another added one are not named: surges every 30 minutes and every hour are one hourly shape.
 */
final class CycleDetector {

  static final double MIN_SHARE = 0.05;
  static final double MIN_SIGNAL_TO_NOISE = 4;

  /** The periods named (in slots, increasing) and the shape they add up to, slot by slot. */
  record Detection(List<Integer> periods, double[] shape) {}

  /** No period found: a shape of zeros. */
  static final Detection NONE = new Detection(List.of(), new double[0]);

  private final int n;
  private final List<Integer> candidates;
  private final double[] cos;
  private final double[] sin;

  /**
   * @param slots the slots in the folds' cycle
   * @param candidates the candidate periods in slots, each dividing {@code slots}
   */
  CycleDetector(int slots, List<Integer> candidates) {
    this.n = slots;
    this.candidates = List.copyOf(candidates);
    this.cos = new double[slots];
    this.sin = new double[slots];
    for (int k = 0; k < slots; k++) {
      cos[k] = Math.cos(2 * Math.PI * k / slots);
      sin[k] = Math.sin(2 * Math.PI * k / slots);
    }
  }

  Detection detect(CycleFolds folds, CycleAgreement agreement) {
    List<Integer> holding = candidates.stream().filter(agreement::holds).toList();
    if (holding.isEmpty()) {
      return NONE;
    }
    int top = n / 2;
    double[][] a = transform(folds.half(0));
    double[][] b = transform(folds.half(1));
    double[] saved = new double[top + 1];
    double[] repeating = new double[top + 1];
    double[] noise = new double[top + 1];
    for (int h = 1; h <= top; h++) {
      double weight = (2 * h == n ? 1.0 : 2.0) / ((double) n * n);
      double dr = a[0][h] - b[0][h];
      double di = a[1][h] - b[1][h];
      repeating[h] = weight * (a[0][h] * b[0][h] + a[1][h] * b[1][h]);
      noise[h] = weight * (dr * dr + di * di) / 4;
      saved[h] = repeating[h] - noise[h];
    }
    boolean[] covered = new boolean[top + 1];
    List<Integer> added = new ArrayList<>();
    while (true) {
      int best = 0;
      double bestPerHarmonic = 0;
      for (int p : holding) {
        if (added.contains(p)) {
          continue;
        }
        double save = 0;
        double signal = 0;
        double error = 0;
        int harmonics = 0;
        for (int h = n / p; h <= top; h += n / p) {
          if (!covered[h]) {
            save += saved[h];
            signal += repeating[h];
            error += noise[h];
            harmonics++;
          }
        }
        boolean clear =
            save >= MIN_SHARE * folds.meanSquare() && signal >= MIN_SIGNAL_TO_NOISE * error;
        if (harmonics > 0 && clear && save / harmonics > bestPerHarmonic) {
          best = p;
          bestPerHarmonic = save / harmonics;
        }
      }
      if (best == 0) {
        break;
      }
      added.add(best);
      for (int h = n / best; h <= top; h += n / best) {
        covered[h] = true;
      }
    }
    return new Detection(named(added), shape(a, b, covered));
  }

  /** The real and imaginary parts of the discrete Fourier transform, up to harmonic n / 2. */
  private double[][] transform(double[] x) {
    double[][] f = new double[2][n / 2 + 1];
    for (int h = 1; h <= n / 2; h++) {
      double re = 0;
      double im = 0;
      for (int k = 0, i = 0; k < n; k++, i = i + h < n ? i + h : i + h - n) {
        re += x[k] * cos[i];
        im -= x[k] * sin[i];
      }
      f[0][h] = re;
      f[1][h] = im;
    }
    return f;
  }

  /** The mean of both halves on the covered harmonics, back in slots. */
  private double[] shape(double[][] a, double[][] b, boolean[] covered) {
    double[] shape = new double[n];
    for (int h = 1; h <= n / 2; h++) {
      if (!covered[h]) {
        continue;
      }
      double weight = (2 * h == n ? 1.0 : 2.0) / n;
      double re = weight * (a[0][h] + b[0][h]) / 2;
      double im = weight * (a[1][h] + b[1][h]) / 2;
      for (int k = 0, i = 0; k < n; k++, i = i + h < n ? i + h : i + h - n) {
        shape[k] += re * cos[i] - im * sin[i];
      }
    }
    return shape;
  }

  /** The added periods that divide no other added one, increasing. */
  private static List<Integer> named(List<Integer> added) {
    List<Integer> named = new ArrayList<>();
    for (int p : added) {
      if (added.stream().noneMatch(q -> q != p && q % p == 0)) {
        named.add(p);
      }
    }
    named.sort(null);
    return List.copyOf(named);
  }
}
