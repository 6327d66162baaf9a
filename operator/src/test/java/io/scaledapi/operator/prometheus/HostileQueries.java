package io.scaledapi.operator.prometheus;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Run in a JVM of its own by {@link HostileAnswersIT}, so that its heap limit is the one under
 * test: sends {@code concurrency} queries at once to each address given as {@code name=uri}, and
 * prints one {@code query} line per query and one {@code heap} line per address. An address whose
 * name ends in {@code -range} gets range queries.
 *
 * <p>Arguments: {@code <timeout millis> <concurrency> <name=uri>...}
 */
public final class HostileQueries {
  private static final int MB = 1024 * 1024;

  private HostileQueries() {}

  public static void main(String[] args) throws Exception {
    Duration timeout = Duration.ofMillis(Long.parseLong(args[0]));
    int concurrency = Integer.parseInt(args[1]);
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    for (int i = 2; i < args.length; i++) {
      String name = args[i].substring(0, args[i].indexOf('='));
      URI address = URI.create(args[i].substring(name.length() + 1));
      PrometheusClient client = new PrometheusClient(PrometheusEndpoint.of(address, timeout));
      resetPeaks();
      List<Future<String>> queries = new ArrayList<>();
      for (int q = 0; q < concurrency; q++) {
        queries.add(pool.submit(() -> query(client, name)));
      }
      for (Future<String> query : queries) {
        System.out.println(query.get());
      }
      System.gc();
      System.out.printf(
          "heap name=%s peakMb=%d afterGcMb=%d%n", name, peakUsed() / MB, used() / MB);
    }
    pool.shutdown();
  }

  private static String query(PrometheusClient client, String name) {
    long start = System.nanoTime();
    Instant now = Instant.now();
    String text;
    String kind;
    if (name.endsWith("-range")) {
      RangeResult result =
          client.queryRange("q", now.minusSeconds(3600), now, Duration.ofMinutes(1));
      text = result.describe();
      kind = result instanceof RangeResult.Failure f ? f.kind().name() : kindOf(result);
    } else {
      QueryResult result = client.query("q", now);
      text = result.describe();
      kind = result instanceof QueryResult.Failure f ? f.kind().name() : kindOf(result);
    }
    long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
    String shown = text.length() <= 160 ? text : text.substring(0, 160) + "[...]";
    return String.format(
        "query name=%s elapsedMs=%d length=%d kind=%s text=%s",
        name, millis, text.length(), kind, shown.replace('\n', ' '));
  }

  private static String kindOf(Object result) {
    return result.getClass().getSimpleName();
  }

  private static List<MemoryPoolMXBean> heapPools() {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(pool -> pool.getType() == MemoryType.HEAP)
        .toList();
  }

  private static void resetPeaks() {
    heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
  }

  private static long peakUsed() {
    return heapPools().stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
  }

  private static long used() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
