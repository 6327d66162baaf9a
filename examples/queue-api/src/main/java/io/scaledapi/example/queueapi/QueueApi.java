package io.scaledapi.example.queueapi;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;

/** Runs the example API until the process is stopped. */
public final class QueueApi {
  private QueueApi() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    if (Flags.asksForHelp(args)) {
      System.out.print(QueueApiConfig.USAGE);
      return;
    }
    QueueApiConfig config;
    try {
      config = QueueApiConfig.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage() + " (see --help)");
      System.exit(2);
      return;
    }
    QueueApiServer api = QueueApiServer.start(config);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  api.close();
                  stopped.countDown();
                }));
    System.out.printf(
        "queue-api on port %d: %d workers, service time %d ms, queue capacity %d%n",
        api.port(), config.workers(), config.serviceTime().toMillis(), config.queueCapacity());
    stopped.await();
  }
}
