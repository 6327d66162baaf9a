package io.scaledapi.operator.reconciler;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.scaledapi.api.v1alpha1.BasicAuthSpec;
import io.scaledapi.api.v1alpha1.CaSource;
import io.scaledapi.api.v1alpha1.Durations;
import io.scaledapi.api.v1alpha1.PrometheusAuthSpec;
import io.scaledapi.api.v1alpha1.PrometheusSpec;
import io.scaledapi.api.v1alpha1.ScaledApi;
import io.scaledapi.api.v1alpha1.SecretKeyRef;
import io.scaledapi.operator.prometheus.MetricsSource;
import io.scaledapi.operator.prometheus.PrometheusAuth;
import io.scaledapi.operator.prometheus.PrometheusClient;
import io.scaledapi.operator.prometheus.PrometheusEndpoint;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds Prometheus clients from a ScaledApi's {@code spec.prometheus} and the operator's default
 * address. Secrets and ConfigMaps are read from the ScaledApi's own namespace only, and used only
 * when they carry {@value #OPT_IN_LABEL}{@code =true}. Each ScaledApi holds one client, reused
 * while its settings stay the same and dropped when they change or the ScaledApi is deleted; the
 * clients share their HTTP connections, one set per TLS configuration, so edits and token rotations
 * start no threads.
 */
final class PrometheusSources implements MetricsSources {
  /**
   * The label, with value {@code true}, that a Secret or ConfigMap needs before its values are used
   * to connect to Prometheus.
   */
  public static final String OPT_IN_LABEL = "scaledapi.io/prometheus-credentials";

  private final KubernetesClient client;
  private final Optional<URI> defaultAddress;

  /** By namespace and name of the ScaledApi. */
  private final Map<String, PrometheusClient> clients = new ConcurrentHashMap<>();

  public PrometheusSources(KubernetesClient client, Optional<URI> defaultAddress) {
    this.client = client;
    this.defaultAddress = defaultAddress;
  }

  @Override
  public MetricsSource sourceFor(ScaledApi scaledApi) {
    PrometheusEndpoint endpoint;
    try {
      endpoint = endpoint(scaledApi);
    } catch (IllegalArgumentException e) {
      throw new SourceConfigurationException("spec.prometheus: " + e.getMessage());
    }
    return clients.compute(
        key(scaledApi.getMetadata().getNamespace(), scaledApi.getMetadata().getName()),
        (key, held) ->
            held != null && held.endpoint().equals(endpoint)
                ? held
                : new PrometheusClient(endpoint));
  }

  /** Drops the client of a deleted ScaledApi, so that a connection only it used can end. */
  public void forget(String namespace, String name) {
    clients.remove(key(namespace, name));
  }

  private static String key(String namespace, String name) {
    return namespace + "/" + name;
  }

  PrometheusEndpoint endpoint(ScaledApi scaledApi) {
    String namespace = scaledApi.getMetadata().getNamespace();
    PrometheusSpec spec = scaledApi.getSpec().prometheus();
    URI address = address(spec);
    Duration timeout =
        Durations.parse(spec == null ? PrometheusSpec.DEFAULT_TIMEOUT : spec.timeoutOrDefault());
    PrometheusAuth auth = auth(namespace, spec == null ? null : spec.auth());
    Optional<String> ca =
        spec == null || spec.tls() == null || spec.tls().ca() == null
            ? Optional.empty()
            : Optional.of(caBundle(namespace, spec.tls().ca()));
    return new PrometheusEndpoint(address, auth, ca, timeout);
  }

  private URI address(PrometheusSpec spec) {
    if (spec != null && spec.address() != null && !spec.address().isBlank()) {
      return URI.create(spec.address());
    }
    return defaultAddress.orElseThrow(
        () ->
            new SourceConfigurationException(
                "no Prometheus address: set spec.prometheus.address, or start the operator with"
                    + " --prometheus-address"));
  }

  private PrometheusAuth auth(String namespace, PrometheusAuthSpec auth) {
    if (auth == null) {
      return new PrometheusAuth.None();
    }
    if (auth.bearer() != null) {
      SecretKeyRef ref = auth.bearer();
      String key = ref.keyOr("token");
      String field = "spec.prometheus.auth.bearer";
      String token = secretValue(namespace, ref.secretName(), key, field, field + ".key");
      return new PrometheusAuth.Bearer(token.strip());
    }
    if (auth.basic() != null) {
      BasicAuthSpec basic = auth.basic();
      String field = "spec.prometheus.auth.basic";
      return new PrometheusAuth.Basic(
          secretValue(
              namespace,
              basic.secretName(),
              basic.usernameKeyOrDefault(),
              field,
              field + ".usernameKey"),
          secretValue(
              namespace,
              basic.secretName(),
              basic.passwordKeyOrDefault(),
              field,
              field + ".passwordKey"));
    }
    return new PrometheusAuth.None();
  }

  private String caBundle(String namespace, CaSource ca) {
    String field = "spec.prometheus.tls.ca";
    if (ca.secretName() != null) {
      return secretValue(namespace, ca.secretName(), ca.keyOrDefault(), field, field + ".key");
    }
    ConfigMap map =
        get(() -> client.configMaps().inNamespace(namespace).withName(ca.configMapName()).get());
    if (map == null) {
      throw missing("ConfigMap", ca.configMapName(), field, namespace, ".configMapName");
    }
    requireOptIn("ConfigMap", map, field, namespace);
    String value = map.getData() == null ? null : map.getData().get(ca.keyOrDefault());
    if (value == null) {
      throw noKey(
          "ConfigMap " + ca.configMapName(),
          ca.keyOrDefault(),
          map.getData() == null ? Set.of() : map.getData().keySet(),
          field + ".key");
    }
    return value;
  }

  private String secretValue(
      String namespace, String name, String key, String field, String keyField) {
    Secret secret = get(() -> client.secrets().inNamespace(namespace).withName(name).get());
    if (secret == null) {
      throw missing("Secret", name, field, namespace, ".secretName");
    }
    requireOptIn("Secret", secret, field, namespace);
    if (secret.getData() != null && secret.getData().get(key) != null) {
      return new String(
          Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8);
    }
    if (secret.getStringData() != null && secret.getStringData().get(key) != null) {
      return secret.getStringData().get(key);
    }
    Set<String> keys = new TreeSet<>();
    keys.addAll(secret.getData() == null ? Set.of() : secret.getData().keySet());
    keys.addAll(secret.getStringData() == null ? Set.of() : secret.getStringData().keySet());
    String type =
        secret.getType() == null || secret.getType().equals("Opaque")
            ? ""
            : " (type " + secret.getType() + ")";
    throw noKey("Secret " + name + type, key, keys, keyField);
  }

  /**
   * Refuses a Secret or ConfigMap that does not carry {@value #OPT_IN_LABEL}{@code =true}, before
   * any of its values is read: only objects their owners marked for it connect to Prometheus.
   */
  private static void requireOptIn(
      String kind, HasMetadata object, String field, String namespace) {
    Map<String, String> labels = object.getMetadata().getLabels();
    if (labels == null || !"true".equals(labels.get(OPT_IN_LABEL))) {
      String name = object.getMetadata().getName();
      throw new SourceConfigurationException(
          String.format(
              "%s %s named in %s lacks the label %s=true that lets the operator use it; add it:"
                  + " kubectl label -n %s %s %s %s=true",
              kind,
              name,
              field,
              OPT_IN_LABEL,
              namespace,
              kind.toLowerCase(Locale.ROOT),
              name,
              OPT_IN_LABEL));
    }
  }

  /** A Secret or ConfigMap without the key: names the keys it has (never their values). */
  private static SourceConfigurationException noKey(
      String holder, String key, Set<String> keys, String keyField) {
    String has =
        keys.isEmpty() ? "it has no keys" : "it has " + String.join(", ", new TreeSet<>(keys));
    return new SourceConfigurationException(
        String.format(
            "%s has no key %s (%s); add it, or set %s to the key that holds the value",
            holder, key, has, keyField));
  }

  private static SourceConfigurationException missing(
      String kind, String name, String field, String namespace, String nameField) {
    return new SourceConfigurationException(
        String.format(
            "%s %s named in %s does not exist in namespace %s; create it or fix %s%s",
            kind, name, field, namespace, field, nameField));
  }

  private static <T> T get(java.util.function.Supplier<T> read) {
    try {
      return read.get();
    } catch (KubernetesClientException e) {
      throw new SourceConfigurationException(
          "cannot read connection settings: " + ApiErrors.describe(e));
    }
  }
}
