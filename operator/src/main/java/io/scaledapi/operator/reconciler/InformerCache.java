package io.scaledapi.operator.reconciler;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.informers.ExceptionHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.javaoperatorsdk.operator.processing.event.source.informer.TransformingItemStore;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;

/**
 * One kind of object as informers cache it: one informer per watched namespace, or one for all.
 * Each keeps only what the operator reads of an object. A failed list or watch is retried for ever,
 * and {@link #untrusted} says why the cache of a namespace cannot be relied on meanwhile.
 */
final class InformerCache<T extends HasMetadata> implements CachedObjects<T>, AutoCloseable {
  /**
   * How long a watch may be down before the cache is not trusted: the client reopens a watch every
   * 5 to 10 minutes, which takes well under a second; longer is an outage.
   */
  static final Duration WATCH_GAP = Duration.ofSeconds(30);

  private static final String ALL = "";

  private final String plural;
  private final Map<String, SharedIndexInformer<T>> informers;
  private final Map<String, String> lastErrors = new ConcurrentHashMap<>();
  private final Map<String, Long> notWatchingSince = new ConcurrentHashMap<>();

  private InformerCache(String plural, Map<String, SharedIndexInformer<T>> informers) {
    this.plural = plural;
    this.informers = informers;
  }

  /**
   * Informers, not started, of {@code objects} in {@code namespaces} (all when empty), each cached
   * object cut down by {@code trim}; {@code plural} names the kind in messages.
   */
  static <T extends HasMetadata> InformerCache<T> of(
      MixedOperation<T, ?, ?> objects,
      String plural,
      Set<String> namespaces,
      UnaryOperator<T> trim) {
    Map<String, SharedIndexInformer<T>> informers = new LinkedHashMap<>();
    if (namespaces.isEmpty()) {
      informers.put(ALL, objects.inAnyNamespace().runnableInformer(0));
    } else {
      namespaces.forEach(ns -> informers.put(ns, objects.inNamespace(ns).runnableInformer(0)));
    }
    InformerCache<T> cache = new InformerCache<>(plural, informers);
    informers.forEach(
        (key, informer) ->
            informer
                .itemStore(new TransformingItemStore<>(trim))
                .exceptionHandler(
                    (started, t) -> {
                      cache.lastErrors.put(key, ApiErrors.describe(t));
                      return !ExceptionHandler.isDeserializationException(t);
                    }));
    return cache;
  }

  /** Starts every informer; their first lists and watches go on in the background. */
  void start() {
    informers.values().forEach(SharedIndexInformer::start);
  }

  /** Waits up to {@code limit} for every informer's first list; true when all have it. */
  boolean awaitSynced(Duration limit) {
    // start() again returns the first start's future
    CompletableFuture<?>[] starts =
        informers.values().stream()
            .map(i -> i.start().toCompletableFuture())
            .toArray(CompletableFuture[]::new);
    try {
      CompletableFuture.allOf(starts).get(limit.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException | ExecutionException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Override
  public Optional<T> get(String namespace, String name) {
    return informer(namespace)
        .map(i -> i.getStore().getByKey(Cache.namespaceKeyFunc(namespace, name)));
  }

  @Override
  public List<T> list(String namespace) {
    return informer(namespace)
        .map(i -> i.getIndexer().byIndex(Cache.NAMESPACE_INDEX, namespace))
        .orElse(List.of());
  }

  @Override
  public Optional<String> untrusted(String namespace) {
    Optional<SharedIndexInformer<T>> found = informer(namespace);
    if (found.isEmpty()) {
      return Optional.of("the operator does not watch " + plural + " in " + namespace);
    }
    String key = informers.containsKey(namespace) ? namespace : ALL;
    SharedIndexInformer<T> informer = found.get();
    boolean watching = informer.isWatching();
    long now = System.nanoTime();
    Duration down = Duration.ZERO;
    if (watching) {
      notWatchingSince.remove(key);
    } else {
      down = Duration.ofNanos(now - notWatchingSince.computeIfAbsent(key, k -> now));
    }
    Optional<String> verdict =
        verdict(
            new State(
                plural,
                namespace,
                informer.hasSynced(),
                informer.isRunning(),
                down,
                lastErrors.get(key)));
    if (verdict.isEmpty() && watching) {
      lastErrors.remove(key);
    }
    return verdict;
  }

  /**
   * An informer as last seen.
   *
   * @param watchDown how long its watch has been seen down; zero while it watches
   * @param error its last failure, or null
   */
  record State(
      String plural,
      String namespace,
      boolean synced,
      boolean running,
      Duration watchDown,
      String error) {}

  /** Why a cache in that state cannot be relied on; empty when it can. */
  static Optional<String> verdict(State s) {
    String error = s.error() == null ? "" : ": " + s.error();
    if (!s.synced()) {
      return Optional.of(
          s.error() == null
              ? "the operator has not listed " + s.plural() + " in " + s.namespace() + " yet"
              : "the operator cannot list " + s.plural() + " in " + s.namespace() + error);
    }
    if (!s.running()) {
      return Optional.of("the operator's informer of " + s.plural() + " has stopped" + error);
    }
    if (s.watchDown().compareTo(WATCH_GAP) < 0) {
      return Optional.empty();
    }
    return Optional.of(
        "the operator's watch of "
            + s.plural()
            + " in "
            + s.namespace()
            + " has been down for "
            + s.watchDown().toSeconds()
            + "s"
            + error);
  }

  private Optional<SharedIndexInformer<T>> informer(String namespace) {
    return Optional.ofNullable(informers.getOrDefault(namespace, informers.get(ALL)));
  }

  @Override
  public void close() {
    informers.values().forEach(SharedIndexInformer::stop);
  }
}
