package io.scaledapi.operator.rbac;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.http.AsyncBody;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.net.HttpURLConnection;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/** The requests of one client that the API server refused with 403 Forbidden, in order. */
public final class Refusals {
  private final Queue<ApiCall> refused = new ConcurrentLinkedQueue<>();

  /** A client with {@code config} whose refused requests land here. */
  public KubernetesClient client(Config config) {
    return new KubernetesClientBuilder()
        .withConfig(config)
        .withHttpClientBuilderConsumer(b -> b.addOrReplaceInterceptor("refusals", recorder()))
        .build();
  }

  public List<ApiCall> calls() {
    return List.copyOf(refused);
  }

  /** True once a request in {@code namespace} that needs {@code grant} has been refused. */
  public boolean refused(Grant grant, String namespace) {
    return refused.stream().anyMatch(c -> grant.neededBy(c, namespace));
  }

  private Interceptor recorder() {
    return new Interceptor() {
      @Override
      public void after(
          HttpRequest request,
          HttpResponse<?> response,
          AsyncBody.Consumer<List<ByteBuffer>> consumer) {
        if (response.code() == HttpURLConnection.HTTP_FORBIDDEN) {
          refused.add(ApiCall.of(request.method(), request.uri()));
        }
      }
    };
  }
}
