package io.scaledapi.operator.helm;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Renders the Helm chart with {@code helm template} (native Helm through helm-java) and parses
 * every document into its fabric8 type; kinds fabric8 does not know, such as ServiceMonitor, become
 * {@code GenericKubernetesResource}. The CRD from {@code crds/} is not rendered ({@code helm show
 * crds} prints it).
 */
public final class ChartRenderer {
  /** The chart, relative to the operator module (the tests' working directory). */
  public static final Path CHART = Path.of("../helm/scaledapi-operator");

  public static final String RELEASE = "scaledapi-operator";
  public static final String NAMESPACE = "scaledapi-system";

  /** The Kubernetes version rendered for; the chart requires 1.25 or later. */
  public static final String KUBE_VERSION = "1.31.0";

  private static final Pattern DOCUMENT_SEPARATOR = Pattern.compile("(?m)^---\\s*$");

  private ChartRenderer() {}

  /**
   * Renders the chart as {@code helm template scaledapi-operator -n scaledapi-system --set k=v}
   * would (for Kubernetes {@link #KUBE_VERSION}), and parses the result. Lists are set in Helm's by
   * index, e.g. {@code watchNamespaces[0] -> a, watchNamespaces[1] -> b} (helm-java passes {@code
   * {a,b}} as a string).
   */
  public static List<HasMetadata> render(Map<String, String> setValues) {
    return parse(renderYaml(setValues));
  }

  /** The rendered manifests as Helm prints them; throws Helm's error when rendering fails. */
  public static String renderYaml(Map<String, String> setValues) {
    return renderYaml(RELEASE, NAMESPACE, KUBE_VERSION, setValues);
  }

  /**
   * Renders the chart for the given release, namespace and Kubernetes version, and parses the
   * result; as {@link #render(Map)} otherwise.
   */
  public static List<HasMetadata> render(
      String release, String namespace, String kubeVersion, Map<String, String> setValues) {
    return parse(renderYaml(release, namespace, kubeVersion, setValues));
  }

  private static String renderYaml(
      String release, String namespace, String kubeVersion, Map<String, String> setValues) {
    TemplateCommand template =
        new Helm(CHART)
            .template()
            .withName(release)
            .withNamespace(namespace)
            .withKubeVersion(kubeVersion);
    setValues.forEach(template::set);
    return template.call();
  }

  /** Parses a multi-document YAML stream, skipping empty documents. */
  public static List<HasMetadata> parse(String yaml) {
    List<HasMetadata> objects = new ArrayList<>();
    for (String document : DOCUMENT_SEPARATOR.split(yaml)) {
      if (document.lines().allMatch(l -> l.isBlank() || l.strip().startsWith("#"))) {
        continue;
      }
      objects.add(Serialization.unmarshal(document, HasMetadata.class));
    }
    return objects;
  }
}
