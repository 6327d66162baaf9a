package io.scaledapi.operator.rbac;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
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

  /**
   * Adds this log's lines to {@link #UNION}, keeping it sorted and free of duplicates. Test JVMs
   * running side by side take turns: each holds a lock on the file while it reads and rewrites it.
   */
  public void addToUnion() {
    synchronized (ApiCallLog.class) {
      try {
        Files.createDirectories(UNION.getParent());
        try (FileChannel file =
                FileChannel.open(
                    UNION,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock = file.lock()) {
          Set<String> all = new TreeSet<>(lines());
          all.addAll(Arrays.asList(read(file).split("\n")));
          all.remove("");
          byte[] text =
              all.stream()
                  .map(line -> line + "\n")
                  .collect(Collectors.joining())
                  .getBytes(StandardCharsets.UTF_8);
          file.truncate(0);
          file.write(ByteBuffer.wrap(text), 0);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static String read(FileChannel file) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(Math.toIntExact(file.size()));
    while (buffer.hasRemaining() && file.read(buffer, buffer.position()) >= 0) {
      // reads until the buffer is full
    }
    return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
  }
}
