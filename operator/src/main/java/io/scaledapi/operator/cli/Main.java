package io.scaledapi.operator.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line: {@code run} starts the operator; {@code simulate} and {@code backtest} compare
 * it with other autoscalers on recorded or built-in traffic, and {@code frontier} compares what
 * each costs for how often it misses the SLO across its settings.
 */
@Command(
    name = "scaledapi-operator",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    // every subcommand answers --version too
    scope = CommandLine.ScopeType.INHERIT,
    description = "Scales API workloads on the depth of their request queue.",
    subcommands = {
      RunCommand.class,
      SimulateCommand.class,
      FrontierCommand.class,
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

  /** The project version, which the build writes into {@code version.properties}. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      Properties properties = new Properties();
      try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
        if (in == null) {
          throw new IOException("version.properties is missing from the classpath");
        }
        properties.load(in);
      }
      return new String[] {"scaledapi-operator " + properties.getProperty("version")};
    }
  }
}
