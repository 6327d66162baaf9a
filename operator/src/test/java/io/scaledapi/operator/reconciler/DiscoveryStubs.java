package io.scaledapi.operator.reconciler;

import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceBuilder;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.APIResourceListBuilder;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.util.Arrays;
import java.util.List;

/**
 * API discovery on the mock API server, which in CRUD mode knows no resource lists: what the
 * operator reads to find a target's resource and whether it has {@code /scale}.
 */
final class DiscoveryStubs {
  private DiscoveryStubs() {}

  /** Discovery of apps/v1 and v1 as a real API server answers it, in part. */
  static void serve(KubernetesMockServer server) {
    server
        .expect()
        .get()
        .withPath("/apis/apps/v1")
        .andReturn(
            200,
            resources(
                "apps/v1",
                "controllerrevisions:ControllerRevision",
                "daemonsets:DaemonSet",
                "daemonsets/status:DaemonSet",
                "deployments:Deployment",
                "deployments/scale:Scale",
                "deployments/status:Deployment",
                "replicasets:ReplicaSet",
                "replicasets/scale:Scale",
                "statefulsets:StatefulSet",
                "statefulsets/scale:Scale"))
        .always();
    server
        .expect()
        .get()
        .withPath("/api/v1")
        .andReturn(
            200,
            resources(
                "v1",
                "configmaps:ConfigMap",
                "pods:Pod",
                "replicationcontrollers:ReplicationController",
                "replicationcontrollers/scale:Scale",
                "secrets:Secret"))
        .always();
    // a group/version no CRD serves: 404, as a real API server answers
    server
        .expect()
        .get()
        .withPath("/apis/example.com/v1")
        .andReturn(404, new StatusBuilder().withCode(404).withReason("NotFound").build())
        .always();
  }

  static APIResourceList resources(String groupVersion, String... nameAndKind) {
    List<APIResource> resources =
        Arrays.stream(nameAndKind)
            .map(s -> s.split(":"))
            .map(
                p ->
                    new APIResourceBuilder()
                        .withName(p[0])
                        .withKind(p[1])
                        .withNamespaced(true)
                        .withVerbs("get")
                        .build())
            .toList();
    return new APIResourceListBuilder()
        .withGroupVersion(groupVersion)
        .withResources(resources)
        .build();
  }
}
