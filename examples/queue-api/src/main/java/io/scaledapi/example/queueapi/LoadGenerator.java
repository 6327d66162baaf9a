package io.scaledapi.example.queueapi;

import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Replays a trace against one URL, then stops: never more than {@code maxRequests} requests, none
 * sent after {@code duration}, and answers awaited for at most one request timeout after that.
 */
public final class LoadGenerator {
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

  private LoadGenerator() {}

  public static void main(String[] args) throws InterruptedException {
    int status = execute(args, System.out, System.err);
    if (status != 0) {
      System.exit(status);
    }
  }

  /** Prints the usage, a one-line error, or the plan and then the report; returns the status. */
  static int execute(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
    if (Flags.asksForHelp(args)) {
      out.print(LoadConfig.USAGE);
      return 0;
    }
    LoadConfig config;
    try {
      config = LoadConfig.parse(args);
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage() + " (see --help)");
      return 2;
    }
    List<Duration> times = Schedule.sendTimes(config);
    err.println(plan(config, times));
    out.println(run(config, times));
    return 0;
  }

  /** One line on what the run will send, over how long, and what ends it. */
  static String plan(LoadConfig config, List<Duration> times) {
    double seconds = times.isEmpty() ? 0 : times.get(times.size() - 1).toNanos() / 1e9;
    String end =
        times.size() == config.maxRequests() ? " (--max-requests ends it before --duration)" : "";
    return String.format(
        Locale.ROOT,
        "sending %d requests to %s over %.1f s%s",
        times.size(),
        config.target(),
        seconds,
        end);
  }

  /** Sends the schedule and reports what came back. */
  public static LoadReport run(LoadConfig config) throws InterruptedException {
    return run(config, Schedule.sendTimes(config));
  }

  private static LoadReport run(LoadConfig config, List<Duration> times)
      throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(4, LoadGenerator::daemon);
    HttpClient client = HttpClient.newBuilder().executor(pool).build();
    HttpRequest request =
        HttpRequest.newBuilder(config.target()).timeout(REQUEST_TIMEOUT).GET().build();
    AtomicInteger ok = new AtomicInteger();
    AtomicInteger rejected = new AtomicInteger();
    List<CompletableFuture<?>> answers = new ArrayList<>();
    long start = System.nanoTime();
    try {
      for (Duration at : times) {
        waitUntil(start + at.toNanos());
        answers.add(
            client
                .sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .thenAccept(r -> count(r.statusCode(), ok, rejected)));
      }
      long deadline = start + config.duration().plus(REQUEST_TIMEOUT).toNanos();
      awaitAll(answers, deadline);
    } finally {
      pool.shutdownNow();
    }
    int sent = answers.size();
    return new LoadReport(sent, ok.get(), rejected.get(), sent - ok.get() - rejected.get());
  }

  private static void count(int status, AtomicInteger ok, AtomicInteger rejected) {
    if (status >= 200 && status < 300) {
      ok.incrementAndGet();
    } else if (status == 503) {
      rejected.incrementAndGet();
    }
  }

  private static void waitUntil(long nanoTime) throws InterruptedException {
    for (long left = nanoTime - System.nanoTime(); left > 0; left = nanoTime - System.nanoTime()) {
      LockSupport.parkNanos(left);
      if (Thread.interrupted()) {
        throw new InterruptedException();
      }
    }
  }

  private static void awaitAll(List<CompletableFuture<?>> answers, long deadline)
      throws InterruptedException {
    try {
      CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new))
          .get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (ExecutionException | TimeoutException e) {
      // failed or unanswered requests are counted as errors
    }
  }

  private static Thread daemon(Runnable r) {
    Thread t = new Thread(r, "load");
    t.setDaemon(true);
    return t;
  }
}
