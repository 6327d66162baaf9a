package io.scaledapi.operator.reconciler;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.http.AsyncBody;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.fabric8.kubernetes.client.http.Interceptor;
import io.scaledapi.operator.rbac.ApiCallLog;
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
 * stale resourceVersion with 409. Every answer to the operator is recorded by namespace.
 */
final class ApiFaults implements Interceptor {
  private static final Pattern SCALE =
      Pattern.compile("/namespaces/([^/]+)/deployments/([^/]+)/scale$");
  private static final Pattern NAMESPACED = Pattern.compile("/namespaces/([^/?]+)/");
  private static final Pattern HPAS =
      Pattern.compile("/apis/autoscaling/v[0-9]+/namespaces/([^/]+)/horizontalpodautoscalers");

  /** Where a request meeting an HPA fault is sent; the test answers it there, with the code. */
  static final String HPA_FAULT_PATH = "/fault/horizontalpodautoscalers/";

  /** One answer of the API server to the operator. */
  record Answer(String namespace, String method, String path, int code) {}

  private final KubernetesClient writer;
  private final Map<String, AtomicInteger> conflictsLeft = new ConcurrentHashMap<>();
  private final Map<String, Runnable> beforeScaleWrite = new ConcurrentHashMap<>();
  private final Map<String, Integer> hpaFaults = new ConcurrentHashMap<>();
  private final List<Answer> answers = new CopyOnWriteArrayList<>();
  private final AtomicInteger touches = new AtomicInteger();

  /**
   * Faults whose concurrent writes go through {@code writer}, a client the operator does not use.
   */
  ApiFaults(KubernetesClient writer) {
    this.writer = writer;
  }

  /** A cluster whose operators' calls go through these faults and land in a call log. */
  MockCluster cluster() {
    ApiCallLog log = new ApiCallLog();
    KubernetesClient operatorClient =
        new KubernetesClientBuilder()
            .withConfig(writer.getConfiguration())
            .withHttpClientBuilderConsumer(
                b ->
                    b.addOrReplaceInterceptor("api-call-log", log.recorder())
                        .addOrReplaceInterceptor("api-faults", this))
            .build();
    return new MockCluster(writer, log, operatorClient);
  }

  /** The next {@code times} writes of {@code /scale} in the namespace meet a conflict. */
  void conflictOnScale(String namespace, int times) {
    conflictsLeft.put(namespace, new AtomicInteger(times));
  }

  /** Every write of {@code /scale} in the namespace meets a conflict until {@link #heal}. */
  void conflictOnEveryScale(String namespace) {
    conflictOnScale(namespace, Integer.MAX_VALUE);
  }

  /** No more conflicts in the namespace. */
  void heal(String namespace) {
    conflictsLeft.remove(namespace);
  }

  /**
   * Every read of HorizontalPodAutoscalers in the namespace (list or watch) is sent to {@link
   * #HPA_FAULT_PATH}{@code code} until {@link #healHpas}; the test answers that path with the code.
   */
  void failHpas(String namespace, int code) {
    hpaFaults.put(namespace, code);
  }

  void healHpas(String namespace) {
    hpaFaults.remove(namespace);
  }

  /** Runs {@code action} once, on the operator's thread, just before its next write of /scale. */
  void beforeNextScaleWrite(String namespace, Runnable action) {
    beforeScaleWrite.put(namespace, action);
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
    Matcher hpas = HPAS.matcher(request.uri().getPath());
    if (hpas.find() && hpaFaults.containsKey(hpas.group(1))) {
      builder.uri(request.uri().resolve(HPA_FAULT_PATH + hpaFaults.get(hpas.group(1))));
      return;
    }
    Matcher scale = SCALE.matcher(request.uri().getPath());
    if (!"PUT".equals(request.method()) || !scale.find()) {
      return;
    }
    String namespace = scale.group(1);
    Runnable action = beforeScaleWrite.remove(namespace);
    if (action != null) {
      action.run();
    }
    AtomicInteger left = conflictsLeft.get(namespace);
    if (left != null && left.getAndDecrement() > 0) {
      touch(namespace, scale.group(2));
    }
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

  /** Another writer's change of the Deployment: a new resourceVersion, replicas untouched. */
  private void touch(String namespace, String name) {
    writer
        .apps()
        .deployments()
        .inNamespace(namespace)
        .withName(name)
        .patch(
            PatchContext.of(PatchType.JSON_MERGE),
            "{\"metadata\":{\"annotations\":{\"example.com/touched\":\""
                + touches.incrementAndGet()
                + "\"}}}");
  }
}
