package io.scaledapi.operator.cli;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.scaledapi.operator.reconciler.ScaledApiOperator;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;

/**
 * The settings the operator runs with when started by a rendered Deployment: its container's
 * arguments parsed by {@code run} itself, for an operator run inside a test's JVM: Prometheus at
 * {@code prometheus} unless the arguments name one, the Lease in the release namespace unless they
 * name one (in a pod, the client's own namespace), and a lost Lease stops the operator, not the
 * JVM. Everything else, namespace isolation included, is what the arguments say.
 */
public final class ChartArgs {
  private ChartArgs() {}

  public static ScaledApiOperator.Settings settings(
      Deployment deployment, String releaseNamespace, URI prometheus, String instance) {
    RunCommand command = new RunCommand();
    new CommandLine(command).parseArgs(runArgs(deployment).toArray(String[]::new));
    ScaledApiOperator.Settings s = command.settings(instance);
    return new ScaledApiOperator.Settings(
        s.defaultPrometheus().or(() -> Optional.of(prometheus)),
        s.namespaces(),
        s.leaderElection()
            .map(
                le ->
                    new ScaledApiOperator.LeaderElection(
                        le.leaseName(),
                        le.leaseNamespace().or(() -> Optional.of(releaseNamespace)),
                        false,
                        le.timings())),
        Clock.systemUTC(),
        instance,
        s.namespaceIsolation(),
        s.allowedPrometheus());
  }

  /** The arguments of {@code run} in the Deployment's container. */
  static List<String> runArgs(Deployment deployment) {
    List<Container> containers = deployment.getSpec().getTemplate().getSpec().getContainers();
    List<String> args = containers.get(0).getArgs();
    return List.copyOf(args.subList(args.indexOf("run") + 1, args.size()));
  }
}
