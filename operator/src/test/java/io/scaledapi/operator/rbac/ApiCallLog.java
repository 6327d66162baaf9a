package io.scaledapi.operator.rbac;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Queue;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The API calls one Kubernetes client made, recorded by an interceptor on its HTTP layer. Give the
 * operator a {@link #client recording client} and keep the test's own setup calls on another.
 */
public final class ApiCallLog {
  /** Where every IT adds the distinct calls it recorded: one sorted line per call. */
  public static final Path UNION = Path.of("target", "api-calls.txt");

  private final Set<ApiCall> calls = ConcurrentHashMap.newKeySet();
  private final Queue<ApiCall> every = new ConcurrentLinkedQueue<>();

  /** A client to the same API server as {@code like} whose every request lands in this log. */
  public KubernetesClient client(KubernetesClient like) {
    return new KubernetesClientBuilder()
        .withConfig(like.getConfiguration())
        .withHttpClientBuilderConsumer(b -> b.addOrReplaceInterceptor("api-call-log", recorder()))
        .build();
  }

  /** The interceptor that records into this log, for a client built elsewhere. */
  public Interceptor recorder() {
    return new Interceptor() {
      @Override
      public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
        ApiCall call = ApiCall.of(request.method(), request.uri());
        calls.add(call);
        every.add(call);
      }
    };
  }

  public Set<ApiCall> calls() {
    return Set.copyOf(calls);
  }

  /** How many requests, repeats included, matched {@code which}. */
  public long count(Predicate<ApiCall> which) {
    return every.stream().filter(which).count();
  }

  /** The calls as lines: verb, group and resource, without namespaces and names. */
  public Set<String> lines() {
    return calls.stream().map(ApiCall::line).collect(Collectors.toCollection(TreeSet::new));
  }

  /** Adds this log's lines to {@link #UNION}, keeping it sorted and free of duplicates. */
  public void addToUnion() {
    synchronized (ApiCallLog.class) {
      try {
        Set<String> all = new TreeSet<>(lines());
        if (Files.exists(UNION)) {
          all.addAll(Files.readAllLines(UNION));
        }
        all.remove("");
        Files.createDirectories(UNION.getParent());
        Files.write(UNION, all);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
