package io.scaledapi.operator.forecast;

import java.util.Locale;
import java.util.Optional;

/** Whether there is enough recent history to forecast, and if not, what is missing. */
final class Readiness {

  private final double warmUp;
  private final double staleAfter;
  private double firstTime = Double.NaN;
  private double lastTime = Double.NaN;

  Readiness(ForecastSettings settings) {
    this.warmUp = TimeConstants.seconds(settings.warmUp());
    this.staleAfter = TimeConstants.seconds(settings.staleAfter());
  }

  void observed(double time) {
    if (Double.isNaN(firstTime)) {
      firstTime = time;
    }
    lastTime = time;
  }

  /** Empty when ready at {@code now}; otherwise a sentence naming what is missing. */
  Optional<String> reason(double now) {
    if (Double.isNaN(firstTime)) {
      return Optional.of("no arrival-rate observations yet");
    }
    double span = lastTime - firstTime;
    if (span < warmUp) {
      return Optional.of(
          number(Math.floor(span / 60))
              + " of "
              + minutes(warmUp / 60)
              + " of arrival-rate history");
    }
    double age = now - lastTime;
    if (age > staleAfter) {
      return Optional.of(
          "a recent arrival-rate observation: the last is "
              + minutes(Math.floor(age / 60))
              + " old, forecasts need one within "
              + minutes(staleAfter / 60));
    }
    return Optional.empty();
  }

  private static String minutes(double minutes) {
    String number = number(minutes);
    return number + (number.equals("1") ? " minute" : " minutes");
  }

  private static String number(double value) {
    return value == Math.rint(value)
        ? Long.toString((long) value)
        : String.format(Locale.ROOT, "%.1f", value);
  }
}
