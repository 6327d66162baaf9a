package io.scaledapi.operator.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** A default install runs no privileged container and none that may run as root. */
class ChartSecurityTest {

  @Test
  void defaultInstallRunsNoPrivilegedOrRootContainer() {
    List<Deployment> deployments =
        ChartTemplateTest.all(ChartRenderer.render(Map.of()), Deployment.class);
    assertThat(deployments).isNotEmpty();

    for (Deployment deployment : deployments) {
      PodSpec pod = deployment.getSpec().getTemplate().getSpec();
      PodSecurityContext podContext = pod.getSecurityContext();
      assertThat(podContext).as("pod securityContext").isNotNull();
      assertThat(podContext.getRunAsNonRoot()).isTrue();
      assertThat(podContext.getRunAsUser()).isNotNull().isNotZero();
      assertThat(podContext.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
      assertThat(pod.getHostNetwork()).isNotEqualTo(Boolean.TRUE);
      assertThat(pod.getHostPID()).isNotEqualTo(Boolean.TRUE);
      assertThat(pod.getHostIPC()).isNotEqualTo(Boolean.TRUE);
      assertThat(pod.getVolumes()).allMatch(v -> v.getHostPath() == null);

      List<Container> containers =
          Stream.concat(pod.getInitContainers().stream(), pod.getContainers().stream()).toList();
      assertThat(containers).isNotEmpty();
      for (Container container : containers) {
        SecurityContext context = container.getSecurityContext();
        assertThat(context).as("securityContext of %s", container.getName()).isNotNull();
        assertThat(context.getPrivileged()).as("privileged").isNotEqualTo(Boolean.TRUE);
        assertThat(context.getAllowPrivilegeEscalation()).as("allowPrivilegeEscalation").isFalse();
        assertThat(context.getReadOnlyRootFilesystem()).as("readOnlyRootFilesystem").isTrue();
        assertThat(context.getCapabilities().getDrop()).as("dropped").contains("ALL");
        assertThat(context.getCapabilities().getAdd()).as("added").isEmpty();
        assertThat(
                Optional.ofNullable(context.getRunAsNonRoot()).orElse(podContext.getRunAsNonRoot()))
            .as("effective runAsNonRoot")
            .isTrue();
        assertThat(Optional.ofNullable(context.getRunAsUser()).orElse(podContext.getRunAsUser()))
            .as("effective runAsUser")
            .isNotZero();
      }
    }
  }
}
