package io.scaledapi.example.queueapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.scaledapi.api.v1alpha1.ScaledApi;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The side-by-side benchmark's short form, run by the build: the step scenario compressed 15 times
 * (pods Ready 4 s after creation, one step of 20 s), enough to show that the real HPA through
 * prometheus-adapter, the real KEDA and our operator each scale their Deployment on the cluster,
 * and that the measurements and the simulator's rows come out for each.
 */
class SideBySideSmokeIT {
  static final TimeScale SCALE = new TimeScale(15);

  @Test
  void theHpaKedaAndOursEachScaleTheirDeploymentUnderTheSameStep() throws Exception {
    Path out = Files.createDirectories(Path.of("target", "side-by-side-smoke"));
    try (SideBySide run = new SideBySide(Scenario.step(), SCALE, out)) {
      SideBySide.Result result = run.startAndRun();
      System.out.println(SideBySideReport.markdown(result));
      KubernetesClient client = run.client();
      for (String name : Contenders.NAMES) {
        SideBySide.Measured lane = result.measured().get(name);
        assertThat(lane.peakReplicas()).as(name + " scaled up").isGreaterThan(1);
        assertThat(lane.served()).as(name + " served").isPositive();
        assertThat(lane.readySeconds()).as(name).isPositive();
        assertThat(result.simulated().get(name).served()).as(name + " simulated").isPositive();
      }
      // the scale-ups were the autoscalers' own: each one's record of a rescale
      assertThat(hpa(client, Contenders.HPA, Contenders.HPA).getStatus().getLastScaleTime())
          .as("the HPA's last scale")
          .isNotNull();
      assertThat(
              hpa(client, Contenders.KEDA, "keda-hpa-" + Contenders.KEDA)
                  .getStatus()
                  .getLastScaleTime())
          .as("the last scale of the HPA KEDA made")
          .isNotNull();
      ScaledApi ours =
          client
              .resources(ScaledApi.class)
              .inNamespace(Contenders.OURS)
              .withName(Contenders.OURS)
              .get();
      assertThat(ours.getStatus().lastScaleTime()).as("our last scale").isNotNull();
      assertThat(SideBySideReport.svg(result)).contains("<polyline");
    }
  }

  private static HorizontalPodAutoscaler hpa(
      KubernetesClient client, String namespace, String name) {
    return client
        .autoscaling()
        .v2()
        .horizontalPodAutoscalers()
        .inNamespace(namespace)
        .withName(name)
        .get();
  }
}
