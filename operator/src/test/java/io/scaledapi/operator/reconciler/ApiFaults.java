package io.scaledapi.operator.reconciler;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.http.AsyncBody;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.fabric8.kubernetes.client.http.Interceptor;
import io.scaledapi.api.v1alpha1.ScaledApi;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Faults in the API server as the operator meets them, caused from an interceptor on the operator's
 * HTTP client. A write conflict is a real one: just before the operator's PUT of {@code /scale},
 * another writer (the test's own client) changes the Deployment, so the API server refuses the
 * stale resourceVersion with 409. The same writer can change the ScaledApi just before the operator
 * writes its status. Every answer to the operator is recorded by namespace.
 */
final class ApiFaults implements Interceptor {
  private static final Pattern SCALE =
      Pattern.compile("/namespaces/([^/]+)/deployments/([^/]+)/scale$");
  private static final Pattern STATUS =
      Pattern.compile("/namespaces/([^/]+)/scaledapis/([^/]+)/status$");
  private static final Pattern NAMESPACED = Pattern.compile("/namespaces/([^/?]+)/");

  /** The annotation another writer changes. */
  static final String TOUCHED = "example.com/touched";

  /** One answer of the API server to the operator. */
  record Answer(String namespace, String method, String path, int code) {}

  private final KubernetesClient writer;

  /** Changes still to make before writes, by "scale" or "status" and namespace. */
  private final Map<String, AtomicInteger> changesLeft = new ConcurrentHashMap<>();

  private final List<Answer> answers = new CopyOnWriteArrayList<>();
  private final AtomicInteger touches = new AtomicInteger();

  /**
   * Faults whose concurrent writes go through {@code writer}, a client the operator does not use.
   */
  ApiFaults(KubernetesClient writer) {
    this.writer = writer;
  }

  /** The next {@code times} writes of {@code /scale} in the namespace meet a conflict. */
  void conflictOnScale(String namespace, int times) {
    changesLeft.put("scale " + namespace, new AtomicInteger(times));
  }

  /** Another writer changes the ScaledApi just before the next status write in the namespace. */
  void changeBeforeStatusWrite(String namespace) {
    changesLeft.put("status " + namespace, new AtomicInteger(1));
  }

  /** How often the API server answered the operator's {@code method} on a path ending so. */
  long answered(String namespace, String method, String pathEnd, int code) {
    return answers.stream()
        .filter(a -> a.namespace().equals(namespace) && a.method().equals(method))
        .filter(a -> a.path().endsWith(pathEnd) && a.code() == code)
        .count();
  }

  @Override
  public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
    String path = request.uri().getPath();
    Matcher scale = SCALE.matcher(path);
    if ("PUT".equals(request.method()) && scale.find() && take("scale " + scale.group(1))) {
      touch(writer.apps().deployments().inNamespace(scale.group(1)).withName(scale.group(2)));
    }
    Matcher status = STATUS.matcher(path);
    if ("PATCH".equals(request.method()) && status.find() && take("status " + status.group(1))) {
      touch(
          writer.resources(ScaledApi.class).inNamespace(status.group(1)).withName(status.group(2)));
    }
  }

  private boolean take(String change) {
    AtomicInteger left = changesLeft.get(change);
    return left != null && left.getAndDecrement() > 0;
  }

  @Override
  public void after(
      HttpRequest request, HttpResponse<?> response, AsyncBody.Consumer<List<ByteBuffer>> c) {
    String path = request.uri().getPath();
    Matcher ns = NAMESPACED.matcher(path);
    if (ns.find()) {
      answers.add(new Answer(ns.group(1), request.method(), path, response.code()));
    }
  }

  /** Another writer's change of the object: a new resourceVersion, its spec untouched. */
  private void touch(Resource<?> object) {
    object.patch(
        PatchContext.of(PatchType.JSON_MERGE),
        "{\"metadata\":{\"annotations\":{\"%s\":\"%d\"}}}"
            .formatted(TOUCHED, touches.incrementAndGet()));
  }
}
