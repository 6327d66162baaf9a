package io.scaledapi.operator.rbac;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApiCallTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "GET|/apis/apps/v1/namespaces/a/deployments/api/scale|get apps deployments/scale api in a",
        "PUT|/apis/apps/v1/namespaces/a/deployments/api/scale|update apps deployments/scale api in a",
        "GET|/apis/autoscaling.scaledapi.io/v1alpha1/scaledapis?watch=true&allowWatchBookmarks=true"
            + "|watch autoscaling.scaledapi.io scaledapis",
        "GET|/apis/autoscaling.scaledapi.io/v1alpha1/scaledapis?resourceVersion=0"
            + "|list autoscaling.scaledapi.io scaledapis",
        "GET|/apis/x.io/v1/namespaces/b/things?watch=1|watch x.io things in b",
        "PATCH|/apis/x.io/v1/namespaces/b/things/t/status|patch x.io things/status t in b",
        "POST|/api/v1/namespaces/a/events|create \"\" events in a",
        "GET|/api/v1/namespaces/a/secrets/token|get \"\" secrets token in a",
        "DELETE|/api/v1/namespaces/a/pods|deletecollection \"\" pods in a",
        "DELETE|/api/v1/namespaces/a/pods/p|delete \"\" pods p in a",
        "GET|/api/v1/namespaces/a|get \"\" namespaces a",
        "PUT|/api/v1/namespaces/a/finalize|update \"\" namespaces/finalize a",
        "GET|/api/v1/namespaces|list \"\" namespaces",
        "PUT|/apis/coordination.k8s.io/v1/namespaces/ops/leases/op"
            + "|update coordination.k8s.io leases op in ops",
        "GET|/apis|get /apis",
        "GET|/apis/apps/v1|get /apis/apps/v1",
        "GET|/api/v1|get /api/v1",
        "GET|/version|get /version",
      })
  void parsesLikeTheApiServer(String method, String uri, String expected) {
    assertThat(ApiCall.of(method, URI.create("https://k8s:6443" + uri))).hasToString(expected);
  }
}
