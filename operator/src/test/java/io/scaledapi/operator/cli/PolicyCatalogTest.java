package io.scaledapi.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The names users type for policies. */
class PolicyCatalogTest {

  @Test
  void everyNameHasAFactory() {
    assertThat(PolicyCatalog.NAMES).containsExactly("ours", "hpa", "keda", "knative", "oracle");
    assertThat(PolicyCatalog.factories(PolicyCatalog.NAMES, Optional.empty()))
        .hasSize(5)
        .doesNotContainNull();
  }

  @Test
  void namesAreTrimmedAndCaseInsensitiveAndKeepTheirOrder() {
    assertThat(PolicyCatalog.parse(List.of(" Oracle", "HPA "))).containsExactly("oracle", "hpa");
  }

  @Test
  void unknownEmptyAndRepeatedNamesAreRefusedWithTheChoice() {
    assertThatThrownBy(() -> PolicyCatalog.parse(List.of("ours", "vpa")))
        .hasMessage(
            "--policies: unknown policy 'vpa'; choose from ours, hpa, keda, knative, oracle,"
                + " comma-separated");
    assertThatThrownBy(() -> PolicyCatalog.parse(List.of("hpa", "ours", "hpa")))
        .hasMessage("--policies names hpa twice; name it once");
    assertThatThrownBy(() -> PolicyCatalog.parse(List.of()))
        .hasMessageStartingWith("--policies is empty; choose from ours");
  }
}
