package io.scaledapi.operator.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line: {@code run} starts the operator; {@code simulate} and {@code backtest} compare
 * it with other autoscalers on recorded or built-in traffic.
 */
@Command(
    name = "scaledapi-operator",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Scales API workloads on the depth of their request queue.",
    subcommands = {
      RunCommand.class,
      SimulateCommand.class,
      BacktestCommand.class,
      ForecastAccuracyCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(new CommandLine(new Main()).execute(args));
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** The version from the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"scaledapi-operator " + (v == null ? "development" : v)};
    }
  }
}
