package io.scaledapi.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.scaledapi.operator.cli.ConfigSource.Kind;
import io.scaledapi.operator.cli.ConfigSource.Lookup;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Where the client's configuration came from, decided from what fabric8 was given and loaded. */
class ConfigSourceTest {

  static final String HOME_FILE = "/home/me/.kube/config";

  /** A lookup where only the given inputs are set. */
  static Lookup lookup(
      String option, String property, String variable, String master, String loaded, boolean sa) {
    String named = option != null ? option : property != null ? property : variable;
    return new Lookup(
        Optional.ofNullable(option),
        Optional.ofNullable(property),
        Optional.ofNullable(variable),
        Optional.ofNullable(master),
        Optional.ofNullable(loaded),
        Optional.ofNullable(loaded).map(f -> "dev"),
        sa,
        List.of(named != null ? named : HOME_FILE));
  }

  @Test
  void aFileNamedByKubeconfigIsNamedWithItsContext() {
    ConfigSource source = ConfigSource.of(lookup(null, null, "/k/dev", null, "/k/dev", false));
    assertThat(source.kind()).isEqualTo(Kind.VARIABLE);
    assertThat(source.describe()).isEqualTo("/k/dev (named by KUBECONFIG, context dev)");
  }

  @Test
  void aKubeconfigWithoutCurrentContextSaysSo() {
    Lookup lookup = lookup(null, null, "/k/dev", null, "/k/dev", false);
    Lookup noContext =
        new Lookup(
            lookup.option(),
            lookup.property(),
            lookup.variable(),
            lookup.master(),
            lookup.loaded(),
            Optional.empty(),
            false,
            lookup.tried());
    assertThat(ConfigSource.of(noContext).describe())
        .isEqualTo("/k/dev (named by KUBECONFIG, no current context)");
  }

  @Test
  void theOptionWinsOverTheVariable() {
    // --kubeconfig sets the system property fabric8 reads first
    ConfigSource source = ConfigSource.of(lookup("/k/a", "/k/a", "/k/b", null, "/k/a", false));
    assertThat(source.describe()).isEqualTo("/k/a (named by --kubeconfig, context dev)");
  }

  @Test
  void theSystemPropertyIsNamedAsSuch() {
    ConfigSource source = ConfigSource.of(lookup(null, "/k/a", "/k/b", null, "/k/a", false));
    assertThat(source.describe()).isEqualTo("/k/a (named by -Dkubeconfig, context dev)");
  }

  @Test
  void theFileInTheHomeDirectoryNeedsNoNaming() {
    ConfigSource source = ConfigSource.of(lookup(null, null, null, null, HOME_FILE, true));
    assertThat(source.kind()).isEqualTo(Kind.HOME);
    assertThat(source.describe()).isEqualTo(HOME_FILE + " (context dev)");
  }

  @Test
  void withoutAKubeconfigThePodsServiceAccountIsUsed() {
    ConfigSource source = ConfigSource.of(lookup(null, null, null, null, null, true));
    assertThat(source.kind()).isEqualTo(Kind.SERVICE_ACCOUNT);
    assertThat(source.describe()).isEqualTo("the pod's service account");
  }

  @Test
  void kubernetesMasterOverridesTheServerOfAnyOther() {
    ConfigSource source =
        ConfigSource.of(lookup(null, null, "/k/dev", "https://api:6443", "/k/dev", true));
    assertThat(source.kind()).isEqualTo(Kind.MASTER);
    assertThat(source.describe()).isEqualTo("KUBERNETES_MASTER");
  }

  @Test
  void nothingFoundSaysWhereItLooked() {
    ConfigSource unset = ConfigSource.of(lookup(null, null, null, null, null, false));
    assertThat(unset.kind()).isEqualTo(Kind.NONE);
    assertThat(unset.describe())
        .isEqualTo("no kubeconfig at " + HOME_FILE + " (KUBECONFIG is not set)");
    ConfigSource missing = ConfigSource.of(lookup(null, null, "/k/gone", null, null, false));
    assertThat(missing.describe()).isEqualTo("no kubeconfig at /k/gone (named by KUBECONFIG)");
  }
}
