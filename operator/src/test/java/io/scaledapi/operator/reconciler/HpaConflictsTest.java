package io.scaledapi.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.scaledapi.api.v1alpha1.ScaleTargetRef;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The HPA check reads the informer cache, and says it cannot tell while the cache is untrusted. */
class HpaConflictsTest {
  static final ScaleTargetRef API = new ScaleTargetRef("apps/v1", "Deployment", "api");

  @Test
  void untrustedCacheCannotTell() {
    HpaConflicts check =
        HpaConflicts.cached(cache(List.of(), Optional.of("the operator cannot list HPAs")));
    assertThat(check.check("team", API))
        .isEqualTo(new HpaConflicts.Unknown("the operator cannot list HPAs"));
  }

  @Test
  void hpaOnTheSameWorkloadConflicts() {
    HpaConflicts check =
        HpaConflicts.cached(
            cache(
                List.of(hpa("web-hpa", "Deployment", "web"), hpa("api-hpa", "Deployment", "api")),
                Optional.empty()));
    assertThat(check.check("team", API)).isEqualTo(new HpaConflicts.Conflict("api-hpa"));
  }

  @Test
  void hpaOnAnotherKindOrNoneIsNoConflict() {
    HpaConflicts check =
        HpaConflicts.cached(
            cache(
                List.of(hpa("db-hpa", "StatefulSet", "api"), new HorizontalPodAutoscaler()),
                Optional.empty()));
    assertThat(check.check("team", API)).isEqualTo(new HpaConflicts.None());
  }

  static HorizontalPodAutoscaler hpa(String name, String kind, String target) {
    return new HorizontalPodAutoscalerBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace("team")
        .endMetadata()
        .withNewSpec()
        .withNewScaleTargetRef()
        .withApiVersion("apps/v1")
        .withKind(kind)
        .withName(target)
        .endScaleTargetRef()
        .endSpec()
        .build();
  }

  static CachedObjects<HorizontalPodAutoscaler> cache(
      List<HorizontalPodAutoscaler> hpas, Optional<String> untrusted) {
    return new CachedObjects<>() {
      @Override
      public Optional<HorizontalPodAutoscaler> get(String namespace, String name) {
        throw new UnsupportedOperationException();
      }

      @Override
      public List<HorizontalPodAutoscaler> list(String namespace) {
        return hpas;
      }

      @Override
      public Optional<String> untrusted(String namespace) {
        return untrusted;
      }
    };
  }
}
