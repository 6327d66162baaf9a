package io.scaledapi.operator.cli;

import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.utils.Utils;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where the Kubernetes client's configuration came from, decided as fabric8 decides it: the file
 * named by the {@code kubeconfig} system property (which {@code --kubeconfig} sets), else by {@code
 * KUBECONFIG}, else {@code ~/.kube/config}; without a kubeconfig, the pod's service account. {@code
 * KUBERNETES_MASTER} overrides the server of either.
 */
record ConfigSource(Kind kind, Optional<String> file, Optional<String> context, String detail) {

  static final String KUBECONFIG_PROPERTY = Config.KUBERNETES_KUBECONFIG_FILE;
  static final String MASTER_PROPERTY = Config.KUBERNETES_MASTER_SYSTEM_PROPERTY;

  enum Kind {
    OPTION,
    PROPERTY,
    VARIABLE,
    HOME,
    SERVICE_ACCOUNT,
    MASTER,
    NONE
  }

  /**
   * What fabric8 was given and what it loaded.
   *
   * @param option {@code --kubeconfig}
   * @param property the {@code kubeconfig} system property
   * @param variable {@code KUBECONFIG}
   * @param master {@code KUBERNETES_MASTER} or the {@code kubernetes.master} property
   * @param loaded the kubeconfig holding the cluster, if one was loaded
   * @param context the kubeconfig's current context
   * @param serviceAccount whether the pod's service account was found
   * @param tried the kubeconfig files fabric8 looked for
   */
  record Lookup(
      Optional<String> option,
      Optional<String> property,
      Optional<String> variable,
      Optional<String> master,
      Optional<String> loaded,
      Optional<String> context,
      boolean serviceAccount,
      List<String> tried) {}

  /** The source of what {@code lookup} found. */
  static ConfigSource of(Lookup lookup) {
    if (lookup.master().isPresent()) {
      return new ConfigSource(Kind.MASTER, Optional.empty(), Optional.empty(), "KUBERNETES_MASTER");
    }
    if (lookup.loaded().isPresent()) {
      Kind kind =
          lookup.option().isPresent()
              ? Kind.OPTION
              : lookup.property().isPresent()
                  ? Kind.PROPERTY
                  : lookup.variable().isPresent() ? Kind.VARIABLE : Kind.HOME;
      return new ConfigSource(kind, lookup.loaded(), lookup.context(), namedBy(kind));
    }
    if (lookup.serviceAccount()) {
      return new ConfigSource(
          Kind.SERVICE_ACCOUNT, Optional.empty(), Optional.empty(), "the pod's service account");
    }
    String where = String.join(", ", lookup.tried());
    String detail =
        lookup.option().isPresent()
            ? "no kubeconfig at " + where + " (named by --kubeconfig)"
            : lookup.property().isPresent()
                ? "no kubeconfig at " + where + " (named by -D" + KUBECONFIG_PROPERTY + ")"
                : lookup.variable().isPresent()
                    ? "no kubeconfig at " + where + " (named by KUBECONFIG)"
                    : "no kubeconfig at " + where + " (KUBECONFIG is not set)";
    return new ConfigSource(Kind.NONE, Optional.empty(), Optional.empty(), detail);
  }

  /** The source of {@code config}, which fabric8 configured automatically. */
  static ConfigSource of(Config config, Optional<String> option) {
    Optional<String> context =
        Optional.ofNullable(config.getCurrentContext()).map(NamedContext::getName);
    List<String> tried = List.copyOf(Config.getKubeconfigFilenames());
    // without a current context fabric8 reads the file but takes no server from it
    Optional<String> loaded =
        context.isPresent()
            ? Optional.ofNullable(config.getFileWithCluster()).map(File::getPath)
            : tried.stream().filter(f -> new File(f).length() > 0).findFirst();
    return of(
        new Lookup(
            option,
            Optional.ofNullable(System.getProperty(KUBECONFIG_PROPERTY)).filter(s -> !s.isEmpty()),
            Optional.ofNullable(System.getenv("KUBECONFIG")).filter(s -> !s.isEmpty()),
            Optional.ofNullable(Utils.getSystemPropertyOrEnvVar(MASTER_PROPERTY)),
            loaded,
            context,
            config.getAutoOAuthToken() != null
                || System.getenv(Config.KUBERNETES_SERVICE_HOST_PROPERTY) != null,
            tried));
  }

  /**
   * Where the configuration came from, e.g. {@code /home/me/kind.yaml (named by KUBECONFIG, context
   * kind-dev)} or {@code the pod's service account}.
   */
  String describe() {
    if (file.isEmpty()) {
      return detail;
    }
    List<String> notes = new ArrayList<>();
    if (!detail.isEmpty()) {
      notes.add(detail);
    }
    notes.add(context.map(c -> "context " + c).orElse("no current context"));
    return file.get() + " (" + String.join(", ", notes) + ")";
  }

  private static String namedBy(Kind kind) {
    return switch (kind) {
      case OPTION -> "named by --kubeconfig";
      case PROPERTY -> "named by -D" + KUBECONFIG_PROPERTY;
      case VARIABLE -> "named by KUBECONFIG";
      default -> "";
    };
  }
}
