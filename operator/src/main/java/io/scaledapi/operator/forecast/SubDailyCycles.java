package io.scaledapi.operator.forecast;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Cycles shorter than a day in the log rate, such as surges at the top and half of every hour from
 * clients on a schedule, that a daily profile's slots are too coarse to see. The observations
 * become one value per {@code cycleSlot} ({@link SlotSeries}), then deviations from a centred mean
 * over the longest candidate period ({@link CenteredResiduals}), folded by phase of that period
 * into two halves ({@link CycleFolds}) and checked cycle by cycle ({@link CycleAgreement}). As each
 * cycle of the longest period ends, {@link CycleDetector} decides which candidate periods the data
 * repeat with and rebuilds the shape. The shape is zero until a period is found, and has mean zero
 * over the longest period.
 *
 * <p>Memory is a few arrays of the longest period's slots (with the defaults, 240 slots of 30 s:
 * about 18 kB), whatever the length of the history. A slot costs one pass over them, and a rebuild,
 * once a cycle, a pass per harmonic.
 */
final class SubDailyCycles {

  private final boolean enabled;
  private final double slot;
  private final SlotSeries series;
  private final CenteredResiduals residuals;
  private final CycleFolds folds;
  private final CycleAgreement agreement;
  private final CycleDetector detector;
  private final int slots;
  private final SlotSeries.Sink teach = this::teach;
  private final SlotSeries.Sink slotted;
  private CycleDetector.Detection detection = CycleDetector.NONE;
  private long cycle = Long.MIN_VALUE;

  /** The cycles of {@code settings}; inert when it names no candidate period. */
  SubDailyCycles(ForecastSettings settings) {
    List<Duration> periods = settings.cyclePeriods();
    this.enabled = !periods.isEmpty();
    this.slot = TimeConstants.seconds(settings.cycleSlot());
    int slots = enabled ? (int) periods.get(periods.size() - 1).dividedBy(settings.cycleSlot()) : 2;
    this.series = new SlotSeries(slot, TimeConstants.seconds(settings.staleAfter()));
    this.residuals = new CenteredResiduals(slots);
    this.slotted = (index, value) -> residuals.slot(index, value, teach);
    this.slots = slots;
    this.folds = new CycleFolds(slots, TimeConstants.seconds(settings.cycleMemory()) / slot);
    List<Integer> candidates =
        periods.stream().map(p -> (int) p.dividedBy(settings.cycleSlot())).toList();
    this.agreement = new CycleAgreement(slots, candidates);
    this.detector = new CycleDetector(slots, candidates);
  }

  /** Adds an observation of the log rate {@code y} at {@code time}, later than any before. */
  void observe(double time, double y) {
    if (!enabled) {
      return;
    }
    series.observe(time, y, slotted);
  }

  private void teach(long index, double residual) {
    agreement.add(index, residual, folds);
    folds.teach(index, residual);
    // the agreement changes only as a cycle ends: decide then
    long c = Math.floorDiv(index, (long) slots);
    if (c != cycle) {
      cycle = c;
      detection = detector.detect(folds, agreement);
    }
  }

  /** The cycles' share of the log rate at {@code time}, interpolated between slot centres. */
  double at(double time) {
    if (detection.periods().isEmpty()) {
      return 0;
    }
    double[] shape = detection.shape();
    double x = time / slot - 0.5;
    double floor = Math.floor(x);
    int first = (int) Math.floorMod((long) floor, (long) shape.length);
    double frac = x - floor;
    return (1 - frac) * shape[first] + frac * shape[(first + 1) % shape.length];
  }

  /** The periods found, such as {@code [PT30M, PT1H]}; empty when none. */
  List<Duration> periods() {
    return detection.periods().stream()
        .map(p -> Duration.ofNanos(Math.round(p * slot * 1e9)))
        .toList();
  }

  /** "cycles of 20, 30 min" for the model text; empty when none. */
  String describe() {
    List<Duration> periods = periods();
    if (periods.isEmpty()) {
      return "";
    }
    return "cycles of "
        + periods.stream().map(SubDailyCycles::minutes).collect(Collectors.joining(", "))
        + " min";
  }

  private static String minutes(Duration period) {
    double minutes = period.toMillis() / 60_000.0;
    return minutes == Math.rint(minutes)
        ? Long.toString((long) minutes)
        : String.format(Locale.ROOT, "%.2f", minutes);
  }
}
