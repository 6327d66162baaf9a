package io.scaledapi.operator.evaluation;

/**
 * The walk-forward scores at one horizon, sMAPE in percent.
 *
 * @param horizonSeconds how far ahead the forecasts were made
 * @param ours the standard forecaster
 * @param lastValue the naive forecaster that repeats the last value
 * @param yesterday the naive forecaster that repeats the value one day before the target
 * @param hindsight the least-squares fit over the whole trace, which peeks
 * @param coverage the percent of actuals inside the standard forecaster's band
 * @param scored how many forecasts each forecaster was scored on
 * @param notReady how many times the standard forecaster had no forecast and the last value stood
 *     in for it
 */
public record HorizonResult(
    long horizonSeconds,
    double ours,
    double lastValue,
    double yesterday,
    double hindsight,
    double coverage,
    long scored,
    long notReady) {

  /** The better of the two naive forecasters' sMAPE. */
  double betterNaive() {
    return Math.min(lastValue, yesterday);
  }

  /** The name of the better naive forecaster. */
  public String betterNaiveName() {
    return lastValue <= yesterday ? "last value" : "same time yesterday";
  }

  /** How much lower a sMAPE is than the better naive one, in percent of the latter. */
  public double reduction(double smape) {
    return 100 * (betterNaive() - smape) / betterNaive();
  }
}
