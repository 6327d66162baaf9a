package io.scaledapi.operator.cli;

import io.scaledapi.operator.evaluation.HorizonResult;
import io.scaledapi.operator.evaluation.RateSeries;
import io.scaledapi.operator.evaluation.Trace;
import io.scaledapi.operator.evaluation.WalkForward;
import io.scaledapi.operator.forecast.ForecastSettings;
import io.scaledapi.operator.forecast.Forecasters;
import io.scaledapi.operator.report.AccuracyTable;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Measures the standard forecaster on a request trace against naive forecasters, walking forward
 * through the rate series the operator would see, and prints a markdown table.
 */
@Command(
    name = "forecast-accuracy",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Walk a request trace forward and compare the arrival-rate forecaster with naive"
          + " forecasters by sMAPE, scored from the second day on; print a markdown table.",
      "DURATION is whole seconds: 90, 15s, 2m or 1h."
    })
public final class ForecastAccuracyCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--trace",
      paramLabel = "FILE.csv",
      required = true,
      description = "Requests per bin: CSV with header t_seconds,requests, any bin width.")
  Path trace;

  @Option(
      names = "--step",
      paramLabel = "DURATION",
      converter = SecondsConverter.class,
      description =
          "Time between samples of the rate series; must divide a day. Default: 15s, or the bin"
              + " width if larger.")
  Long step;

  @Option(
      names = "--window",
      paramLabel = "DURATION",
      defaultValue = "60s",
      converter = SecondsConverter.class,
      description =
          "Window of each rate sample, a multiple of the bin width. Default: ${DEFAULT-VALUE}.")
  long window;

  @Option(
      names = "--horizons",
      paramLabel = "DURATION",
      split = ",",
      defaultValue = "60s,120s,300s",
      converter = SecondsConverter.class,
      description =
          "How far ahead to forecast, comma-separated multiples of the step. Default:"
              + " ${DEFAULT-VALUE}.")
  List<Long> horizons;

  @Option(
      names = "--confidence",
      paramLabel = "P",
      defaultValue = "0.9",
      description =
          "Probability, above 0.5 and below 1, of the forecast band whose coverage is reported."
              + " Default: ${DEFAULT-VALUE}.")
  double confidence;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      Trace data = TraceCsv.read(trace);
      long stepSeconds = step == null ? RateSeries.defaultStep(data.binSeconds()) : step;
      RateSeries series = RateSeries.of(data, window, stepSeconds);
      check(series);
      WalkForward walk = new WalkForward(series, horizons, confidence, err);
      List<HorizonResult> results = walk.run(Forecasters.standard(ForecastSettings.defaults()));
      out.printf(
          Locale.ROOT,
          "%s: %d bins of %d s; rate over %d s sampled every %d s: %d samples;"
              + " scored from the second day on: %d forecasts at the shortest horizon.%n%n",
          trace.getFileName(),
          data.bins(),
          data.binSeconds(),
          window,
          stepSeconds,
          series.size(),
          results.get(0).scored());
      out.print(AccuracyTable.render(results, confidence));
      results.stream()
          .filter(r -> r.notReady() > 0)
          .forEach(
              r ->
                  out.printf(
                      "%nAt %s the forecaster was not ready %d times; the last value stood in.%n",
                      AccuracyTable.horizon(r.horizonSeconds()), r.notReady()));
      out.flush();
      return 0;
    } catch (NoSuchFileException e) {
      err.println("forecast-accuracy: no such file: " + e.getFile());
    } catch (IOException e) {
      err.println("forecast-accuracy: cannot read " + trace + ": " + e);
    } catch (IllegalArgumentException e) {
      err.println("forecast-accuracy: " + e.getMessage());
    }
    err.flush();
    return 2;
  }

  private void check(RateSeries series) {
    if (!(confidence > 0.5 && confidence < 1)) {
      throw new IllegalArgumentException("--confidence must be in (0.5, 1), got " + confidence);
    }
    long stepSeconds = series.stepSeconds();
    if (WalkForward.DAY % stepSeconds != 0) {
      throw new IllegalArgumentException(
          "--step " + stepSeconds + "s must divide a day, so that yesterday's value exists");
    }
    long longest = 0;
    for (long h : horizons) {
      if (h % stepSeconds != 0) {
        throw new IllegalArgumentException(
            "--horizons " + h + "s is not a multiple of --step " + stepSeconds + "s");
      }
      longest = Math.max(longest, h);
    }
    long span = series.time(series.size() - 1) - series.time(0);
    if (span < WalkForward.DAY + longest) {
      throw new IllegalArgumentException(
          "the rate series spans "
              + span
              + " s, but scoring starts one day in and needs the longest horizon after that;"
              + " use a trace longer than "
              + (WalkForward.DAY + longest)
              + " s");
    }
  }
}
