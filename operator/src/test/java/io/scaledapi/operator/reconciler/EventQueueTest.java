package io.scaledapi.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EventQueueTest {
  final List<String> sent = new CopyOnWriteArrayList<>();
  final AtomicInteger dropped = new AtomicInteger();

  @Test
  void theEventsOfOneScaledApiAreSentInTheOrderRecorded() {
    try (EventQueue queue = new EventQueue(4, 100, dropped::incrementAndGet)) {
      for (int i = 0; i < 50; i++) {
        for (String key : List.of("team/a", "team/b")) {
          String event = key + " " + i;
          queue.submit(key, () -> sent.add(event));
        }
      }
      await().atMost(Duration.ofSeconds(10)).until(() -> sent.size() == 100);
    }
    for (String key : List.of("team/a", "team/b")) {
      assertThat(sent.stream().filter(e -> e.startsWith(key + " ")).toList())
          .containsExactlyElementsOf(IntStream.range(0, 50).mapToObj(i -> key + " " + i).toList());
    }
    assertThat(dropped).hasValue(0);
  }

  @Test
  void aFullLaneDropsAndCountsInsteadOfWaiting() throws InterruptedException {
    CountDownLatch sending = new CountDownLatch(1);
    CountDownLatch apiServerAnswers = new CountDownLatch(1);
    try (EventQueue queue = new EventQueue(1, 2, dropped::incrementAndGet)) {
      queue.submit(
          "team/a",
          () -> {
            sending.countDown();
            awaitQuietly(apiServerAnswers);
            sent.add("first");
          });
      assertThat(sending.await(10, TimeUnit.SECONDS)).isTrue();
      for (String event : List.of("second", "third", "fourth", "fifth")) {
        queue.submit("team/a", () -> sent.add(event));
      }
      assertThat(dropped).as("two wait, two are dropped, none blocked").hasValue(2);

      apiServerAnswers.countDown();
      await().atMost(Duration.ofSeconds(10)).until(() -> sent.size() == 3);
    }
    assertThat(sent).containsExactly("first", "second", "third");
  }

  @Test
  void closingSendsWhatWaitsAndDropsWhatComesLater() {
    EventQueue queue = new EventQueue(2, 10, dropped::incrementAndGet);
    queue.submit("team/a", () -> sent.add("waiting"));
    queue.close();
    queue.submit("team/a", () -> sent.add("late"));

    assertThat(sent).containsExactly("waiting");
    assertThat(dropped).hasValue(1);
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
