package io.scaledapi.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaPropsBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.scaledapi.api.v1alpha1.ScaleTargetRef;
import io.scaledapi.operator.testing.PodTemplates;
import io.scaledapi.operator.testing.RealApiServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link KubernetesScaleTargets}, built as the operator builds it (over the informer caches of
 * Deployments and StatefulSets), on a real kube-apiserver: it reads and writes {@code /scale} of a
 * Deployment, a StatefulSet and a custom resource whose CRD has a scale subresource, and says why
 * it cannot scale a kind the server does not serve or a kind without {@code /scale}. There is no
 * controller-manager, so only spec and {@code /scale} are asserted on, never readiness.
 */
class ScaleKindsOnRealApiServerIT {
  private static final String NAMESPACE = "scale-kinds-on-real-api-server";
  private static final String GROUP = "scalekinds.scaledapi.io";
  private static final String VERSION = "v1";
  private static final String API_VERSION = GROUP + "/" + VERSION;
  private static final Duration DEADLINE = Duration.ofSeconds(30);
  private static final Map<String, String> LABELS = Map.of("app", "scale-kinds");

  private static KubernetesClient client;
  private static WorkloadCaches caches;
  private static KubernetesScaleTargets targets;

  @BeforeAll
  static void start() {
    RealApiServer server = RealApiServer.get();
    client = server.client();
    client
        .namespaces()
        .resource(
            new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata().build())
        .serverSideApply();
    installAndAwaitEstablished(crd("Widget", "widgets", true));
    installAndAwaitEstablished(crd("Gadget", "gadgets", false));
    // Established comes before the API server's discovery lists the kinds
    await("discovery of " + API_VERSION)
        .atMost(DEADLINE)
        .until(
            () -> {
              var resources = client.getApiResources(API_VERSION);
              return resources != null
                  && resources.getResources().stream()
                      .map(APIResource::getName)
                      .toList()
                      .containsAll(List.of("widgets", "widgets/scale", "gadgets"));
            });
    // as ScaledApiOperator.create builds it, watching the test's namespace
    caches = WorkloadCaches.of(client, Set.of(NAMESPACE));
    caches.start();
    targets = new KubernetesScaleTargets(client, caches.targets());
  }

  @AfterAll
  static void stop() {
    if (caches != null) {
      caches.close();
    }
    if (client != null) {
      client.namespaces().withName(NAMESPACE).delete();
      client.apiextensions().v1().customResourceDefinitions().withName("widgets." + GROUP).delete();
      client.apiextensions().v1().customResourceDefinitions().withName("gadgets." + GROUP).delete();
    }
  }

  @Test
  void scalesADeployment() {
    client
        .apps()
        .deployments()
        .inNamespace(NAMESPACE)
        .resource(
            new DeploymentBuilder()
                .withNewMetadata()
                .withName("web")
                .withNamespace(NAMESPACE)
                .endMetadata()
                .withNewSpec()
                .withReplicas(2)
                .withNewSelector()
                .withMatchLabels(LABELS)
                .endSelector()
                .withTemplate(PodTemplates.labelled(LABELS))
                .endSpec()
                .build())
        .create();
    ScaleTargetRef ref = new ScaleTargetRef("apps/v1", "Deployment", "web");

    scaleFromTo(ref, ResourceDefinitionContext.fromResourceType(Deployment.class), 2, 5);

    Deployment read = client.apps().deployments().inNamespace(NAMESPACE).withName("web").get();
    assertThat(read.getSpec().getReplicas()).isEqualTo(5);
  }

  @Test
  void scalesAStatefulSet() {
    client
        .apps()
        .statefulSets()
        .inNamespace(NAMESPACE)
        .resource(
            new StatefulSetBuilder()
                .withNewMetadata()
                .withName("db")
                .withNamespace(NAMESPACE)
                .endMetadata()
                .withNewSpec()
                .withReplicas(3)
                .withServiceName("db")
                .withNewSelector()
                .withMatchLabels(LABELS)
                .endSelector()
                .withTemplate(PodTemplates.labelled(LABELS))
                .endSpec()
                .build())
        .create();
    ScaleTargetRef ref = new ScaleTargetRef("apps/v1", "StatefulSet", "db");

    scaleFromTo(ref, ResourceDefinitionContext.fromResourceType(StatefulSet.class), 3, 1);

    StatefulSet read = client.apps().statefulSets().inNamespace(NAMESPACE).withName("db").get();
    assertThat(read.getSpec().getReplicas()).isEqualTo(1);
  }

  @Test
  void scalesACustomResourceWithAScaleSubresource() {
    ResourceDefinitionContext widgets = context("Widget", "widgets");
    client
        .genericKubernetesResources(widgets)
        .inNamespace(NAMESPACE)
        .resource(
            new GenericKubernetesResourceBuilder()
                .withApiVersion(API_VERSION)
                .withKind("Widget")
                .withNewMetadata()
                .withName("queue-worker")
                .withNamespace(NAMESPACE)
                .endMetadata()
                .addToAdditionalProperties("spec", Map.of("replicas", 4))
                .build())
        .create();
    ScaleTargetRef ref = new ScaleTargetRef(API_VERSION, "Widget", "queue-worker");

    scaleFromTo(ref, widgets, 4, 7);

    GenericKubernetesResource read =
        client
            .genericKubernetesResources(widgets)
            .inNamespace(NAMESPACE)
            .withName("queue-worker")
            .get();
    assertThat(read.<Object>get("spec", "replicas")).isEqualTo(7);
  }

  @Test
  void aMissingTargetIsNotFound() {
    TargetObservation observed =
        targets.observe(NAMESPACE, new ScaleTargetRef("apps/v1", "Deployment", "absent"));

    assertThat(observed)
        .isInstanceOfSatisfying(
            TargetObservation.Missing.class,
            missing -> {
              assertThat(missing.reason()).isEqualTo("TargetNotFound");
              assertThat(missing.message()).contains("Deployment/absent", NAMESPACE);
            });
  }

  @Test
  void anApiVersionTheServerDoesNotServeIsAnUnknownKind() {
    TargetObservation observed =
        targets.observe(NAMESPACE, new ScaleTargetRef("nowhere.scaledapi.io/v1", "Widget", "w"));

    assertThat(observed)
        .isInstanceOfSatisfying(
            TargetObservation.Missing.class,
            missing -> {
              assertThat(missing.reason()).isEqualTo("UnknownTargetKind");
              assertThat(missing.message()).contains("does not serve nowhere.scaledapi.io/v1");
            });
  }

  @Test
  void aKindTheGroupDoesNotHaveIsAnUnknownKind() {
    TargetObservation observed =
        targets.observe(NAMESPACE, new ScaleTargetRef(API_VERSION, "Gizmo", "g"));

    assertThat(observed)
        .isInstanceOfSatisfying(
            TargetObservation.Missing.class,
            missing -> {
              assertThat(missing.reason()).isEqualTo("UnknownTargetKind");
              assertThat(missing.message())
                  .contains(API_VERSION + " has no kind Gizmo", "Gadget", "Widget");
            });
  }

  @Test
  void aKindWithoutAScaleSubresourceIsNotScalable() {
    client
        .genericKubernetesResources(context("Gadget", "gadgets"))
        .inNamespace(NAMESPACE)
        .resource(
            new GenericKubernetesResourceBuilder()
                .withApiVersion(API_VERSION)
                .withKind("Gadget")
                .withNewMetadata()
                .withName("fixed")
                .withNamespace(NAMESPACE)
                .endMetadata()
                .addToAdditionalProperties("spec", Map.of("replicas", 2))
                .build())
        .create();

    TargetObservation observed =
        targets.observe(NAMESPACE, new ScaleTargetRef(API_VERSION, "Gadget", "fixed"));

    assertThat(observed)
        .isInstanceOfSatisfying(
            TargetObservation.Missing.class,
            missing -> {
              assertThat(missing.reason()).isEqualTo("TargetNotScalable");
              assertThat(missing.message()).contains("Gadget has no /scale subresource");
            });
  }

  /**
   * Observes {@code ref} with {@code from} replicas, writes {@code to} through {@code /scale}, and
   * observes {@code to}; the informer caches see both in their own time.
   */
  private static void scaleFromTo(
      ScaleTargetRef ref, ResourceDefinitionContext context, int from, int to) {
    AtomicReference<TargetObservation.Found> found = new AtomicReference<>();
    await("the " + ref.kind() + " observed with " + from + " replicas")
        .atMost(DEADLINE)
        .untilAsserted(
            () -> {
              TargetObservation observed = targets.observe("scale-kinds/it", NAMESPACE, ref);
              assertThat(observed)
                  .isInstanceOfSatisfying(
                      TargetObservation.Found.class,
                      f -> {
                        assertThat(f.specReplicas()).isEqualTo(from);
                        found.set(f);
                      });
            });
    assertThat(found.get().scale().getMetadata().getName()).isEqualTo(ref.name());

    targets.scale(NAMESPACE, ref, found.get(), to);

    await("the " + ref.kind() + " observed with " + to + " replicas")
        .atMost(DEADLINE)
        .untilAsserted(
            () ->
                assertThat(targets.observe(NAMESPACE, ref))
                    .isInstanceOfSatisfying(
                        TargetObservation.Found.class,
                        f -> assertThat(f.specReplicas()).isEqualTo(to)));
    assertThat(
            client
                .genericKubernetesResources(context)
                .inNamespace(NAMESPACE)
                .withName(ref.name())
                .scale()
                .getSpec()
                .getReplicas())
        .as("spec.replicas of /scale")
        .isEqualTo(to);
  }

  private static ResourceDefinitionContext context(String kind, String plural) {
    return new ResourceDefinitionContext.Builder()
        .withGroup(GROUP)
        .withVersion(VERSION)
        .withKind(kind)
        .withPlural(plural)
        .withNamespaced(true)
        .build();
  }

  private static CustomResourceDefinition crd(String kind, String plural, boolean scalable) {
    JSONSchemaProps integer = new JSONSchemaPropsBuilder().withType("integer").build();
    JSONSchemaProps schema =
        new JSONSchemaPropsBuilder()
            .withType("object")
            .addToProperties(
                "spec",
                new JSONSchemaPropsBuilder()
                    .withType("object")
                    .addToProperties("replicas", integer)
                    .build())
            .addToProperties(
                "status",
                new JSONSchemaPropsBuilder()
                    .withType("object")
                    .addToProperties("replicas", integer)
                    .addToProperties(
                        "selector", new JSONSchemaPropsBuilder().withType("string").build())
                    .build())
            .build();
    var version =
        new CustomResourceDefinitionBuilder()
            .withNewMetadata()
            .withName(plural + "." + GROUP)
            .endMetadata()
            .withNewSpec()
            .withGroup(GROUP)
            .withScope("Namespaced")
            .withNewNames()
            .withKind(kind)
            .withPlural(plural)
            .withSingular(kind.toLowerCase())
            .endNames()
            .addNewVersion()
            .withName(VERSION)
            .withServed(true)
            .withStorage(true)
            .withNewSchema()
            .withOpenAPIV3Schema(schema)
            .endSchema();
    if (scalable) {
      version =
          version
              .withNewSubresources()
              .withNewStatus()
              .endStatus()
              .withNewScale()
              .withSpecReplicasPath(".spec.replicas")
              .withStatusReplicasPath(".status.replicas")
              .withLabelSelectorPath(".status.selector")
              .endScale()
              .endSubresources();
    }
    return version.endVersion().endSpec().build();
  }

  private static void installAndAwaitEstablished(CustomResourceDefinition crd) {
    client.resource(crd).forceConflicts().serverSideApply();
    String name = crd.getMetadata().getName();
    await("the CRD " + name + " established")
        .atMost(DEADLINE)
        .until(
            () -> {
              CustomResourceDefinition read =
                  client.apiextensions().v1().customResourceDefinitions().withName(name).get();
              return read != null
                  && read.getStatus() != null
                  && read.getStatus().getConditions().stream()
                      .anyMatch(
                          c -> c.getType().equals("Established") && c.getStatus().equals("True"));
            });
  }
}
