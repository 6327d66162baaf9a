package io.scaledapi.example.queueapi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * What arrives, second by second, in real time: the same arrivals are replayed into every
 * autoscaler's API and given to the simulator. {@link #compressed} plays them in less time at the
 * same rate.
 *
 * @param name a word for file names and tables
 * @param description one line on the shape
 * @param arrivals requests arriving in each second
 */
record Scenario(String name, String description, long[] arrivals) {

  /** 10 requests a second for 2 minutes, 50 for 5 minutes, then 10 for 5 minutes. */
  static Scenario step() {
    return new Scenario(
        "step",
        "10 req/s for 2 min, 50 req/s for 5 min, 10 req/s for 5 min",
        constant(new int[][] {{10, 120}, {50, 300}, {10, 300}}));
  }

  /** 10 requests a second for 2 minutes, 60 for one minute, then 10 for 6 minutes. */
  static Scenario spike() {
    return new Scenario(
        "spike",
        "10 req/s for 2 min, 60 req/s for 1 min, 10 req/s for 6 min",
        constant(new int[][] {{10, 120}, {60, 60}, {10, 360}}));
  }

  /**
   * {@code seconds} of a trace of contiguous bins of one width from {@code fromSecond}, each
   * second's arrivals drawn from a Poisson process at {@code rateScale} times its bin's rate,
   * seeded.
   */
  static Scenario trace(Path csv, long fromSecond, int seconds, double rateScale, long seed) {
    List<long[]> bins = bins(csv);
    long width = bins.get(1)[0] - bins.get(0)[0];
    long[] arrivals = new long[seconds];
    Random random = new Random(seed);
    for (int s = 0; s < seconds; s++) {
      // bins are contiguous and of one width
      long[] bin = bins.get((int) ((fromSecond + s - bins.get(0)[0]) / width));
      arrivals[s] = poisson(random, rateScale * bin[1] / width);
    }
    return new Scenario(
        "trace",
        String.format(
            java.util.Locale.ROOT,
            "%s from %d s for %d min, Poisson at %sx its rate (seed %d)",
            csv.getFileName(),
            fromSecond,
            seconds / 60,
            rateScale == Math.rint(rateScale) ? (long) rateScale : rateScale,
            seed),
        arrivals);
  }

  int seconds() {
    return arrivals.length;
  }

  long total() {
    return Arrays.stream(arrivals).sum();
  }

  /**
   * The arrivals played {@code factor} times faster at the same rate: each compressed second
   * carries the mean of the {@code factor} seconds it stands for, rounding carried over so that no
   * request is lost to rounding.
   */
  Trace compressed(int factor) {
    List<Trace.Row> rows = new ArrayList<>();
    double carried = 0;
    for (int s = 0; s * factor < arrivals.length; s++) {
      long sum = 0;
      for (int k = s * factor; k < Math.min((s + 1) * factor, arrivals.length); k++) {
        sum += arrivals[k];
      }
      double exact = sum / (double) factor + carried;
      int whole = (int) Math.floor(exact);
      carried = exact - whole;
      rows.add(new Trace.Row(s, whole));
    }
    return new Trace(rows);
  }

  /**
   * The mean arrival rate of the first minute, which the simulator's steady state before it has.
   */
  double firstMinuteRate() {
    int seconds = Math.min(60, arrivals.length);
    return Arrays.stream(arrivals, 0, seconds).sum() / (double) seconds;
  }

  /**
   * What the load generator replays: {@code warmUpSeconds} at the {@linkplain #firstMinuteRate
   * first minute's rate}, standing for the steady state the simulator starts from, then the
   * arrivals {@linkplain #compressed compressed}.
   */
  Trace replay(int factor, int warmUpSeconds) {
    List<Trace.Row> rows = new ArrayList<>();
    double carried = 0;
    for (int s = 0; s < warmUpSeconds; s++) {
      double exact = firstMinuteRate() + carried;
      int whole = (int) Math.floor(exact);
      carried = exact - whole;
      rows.add(new Trace.Row(s, whole));
    }
    for (Trace.Row row : compressed(factor).rows()) {
      rows.add(new Trace.Row(warmUpSeconds + row.tSeconds(), row.requests()));
    }
    return new Trace(rows);
  }

  /** The arrivals as the simulator's CSV, {@code t_seconds,requests}. */
  void writeCsv(Path file) {
    StringBuilder csv = new StringBuilder("t_seconds,requests\n");
    for (int s = 0; s < arrivals.length; s++) {
      csv.append(s).append(',').append(arrivals[s]).append('\n');
    }
    try {
      Files.writeString(file, csv);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private static long[] constant(int[][] ratesAndSeconds) {
    long[] arrivals = new long[Arrays.stream(ratesAndSeconds).mapToInt(r -> r[1]).sum()];
    int s = 0;
    for (int[] segment : ratesAndSeconds) {
      Arrays.fill(arrivals, s, s + segment[1], segment[0]);
      s += segment[1];
    }
    return arrivals;
  }

  private static List<long[]> bins(Path csv) {
    try {
      return Files.readAllLines(csv).stream()
          .skip(1)
          .filter(l -> !l.isBlank())
          .map(l -> l.split(","))
          .map(c -> new long[] {(long) Double.parseDouble(c[0]), Long.parseLong(c[1].strip())})
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + csv, e);
    }
  }

  /** Knuth's method for small means, a rounded normal draw for large ones. */
  private static long poisson(Random random, double mean) {
    if (mean <= 0) {
      return 0;
    }
    if (mean > 30) {
      return Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
    }
    double limit = Math.exp(-mean);
    double product = random.nextDouble();
    long count = 0;
    while (product > limit) {
      product *= random.nextDouble();
      count++;
    }
    return count;
  }
}
