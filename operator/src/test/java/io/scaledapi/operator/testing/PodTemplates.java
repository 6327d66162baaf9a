package io.scaledapi.operator.testing;

import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import java.util.Map;

/** The pod template the tests' workloads carry: one container, labels as given. */
public final class PodTemplates {
  private PodTemplates() {}

  /** Pods labelled {@code labels}, running one container of an image no node pulls. */
  public static PodTemplateSpec labelled(Map<String, String> labels) {
    return new PodTemplateSpecBuilder()
        .withNewMetadata()
        .withLabels(labels)
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("app")
        .withImage("registry.invalid/app:1")
        .endContainer()
        .endSpec()
        .build();
  }
}
