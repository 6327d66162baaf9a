package io.scaledapi.example.queueapi;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Installs CustomResourceDefinitions from files and waits until the server serves them. */
final class Crds {
  private Crds() {}

  /** Applies every CRD in {@code files} (one or more documents each), then awaits them. */
  static void install(KubernetesClient client, List<Path> files) throws IOException {
    for (Path file : files) {
      List<HasMetadata> items;
      try (InputStream in = Files.newInputStream(file)) {
        items = client.load(in).items();
      }
      for (HasMetadata item : items) {
        CustomResourceDefinition crd = (CustomResourceDefinition) item;
        client.resource(crd).forceConflicts().serverSideApply();
        await("CRD " + crd.getMetadata().getName() + " established")
            .atMost(Duration.ofSeconds(30))
            .until(() -> established(client, crd.getMetadata().getName()));
      }
    }
  }

  private static boolean established(KubernetesClient client, String name) {
    CustomResourceDefinition crd =
        client.apiextensions().v1().customResourceDefinitions().withName(name).get();
    return crd != null
        && crd.getStatus() != null
        && crd.getStatus().getConditions() != null
        && crd.getStatus().getConditions().stream()
            .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
  }
}
