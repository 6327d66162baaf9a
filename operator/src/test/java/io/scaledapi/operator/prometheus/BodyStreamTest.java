package io.scaledapi.operator.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InterruptedIOException;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;

class BodyStreamTest {

  /** Counts what the stream asks of the network. */
  static final class Recorder implements Flow.Subscription {
    long requested;
    boolean cancelled;

    @Override
    public void request(long n) {
      requested += n;
    }

    @Override
    public void cancel() {
      cancelled = true;
    }
  }

  private final Recorder network = new Recorder();

  private BodyStream stream(Duration deadline, long limit) {
    BodyStream stream = new BodyStream(System.nanoTime() + deadline.toNanos(), limit);
    stream.onSubscribe(network);
    return stream;
  }

  private static List<ByteBuffer> bytes(String text) {
    return List.of(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void readsOneNetworkBufferAtATimeAndKeepsTheStart() throws Exception {
    BodyStream stream = stream(Duration.ofSeconds(10), 1000);
    assertThat(network.requested).isEqualTo(1);
    stream.onNext(bytes("hello "));
    stream.onNext(bytes("world"));
    stream.onComplete();

    byte[] buffer = new byte[100];
    int first = stream.read(buffer, 0, 100);
    assertThat(network.requested)
        .as("asked for the next buffer once this one is read")
        .isEqualTo(2);
    int second = stream.read(buffer, first, 100 - first);

    assertThat(new String(buffer, 0, first + second, StandardCharsets.UTF_8))
        .isEqualTo("hello world");
    assertThat(stream.read(buffer, 0, 100)).isEqualTo(-1);
    assertThat(stream.complete()).isTrue();
    assertThat(stream.head()).isEqualTo("hello world");
  }

  @Test
  void aStalledBodyEndsAtTheDeadline() {
    BodyStream stream = stream(Duration.ofMillis(300), 1000);
    stream.onNext(bytes("{\"status\":"));

    long start = System.nanoTime();
    assertThatThrownBy(() -> stream.readAllBytes()).isInstanceOf(HttpTimeoutException.class);
    Duration waited = Duration.ofNanos(System.nanoTime() - start);

    System.out.printf(
        "[body] stalled body ended after %d ms (deadline 300 ms)%n", waited.toMillis());
    assertThat(waited).isBetween(Duration.ofMillis(200), Duration.ofSeconds(10));
    assertThat(stream.head()).isEqualTo("{\"status\":");
  }

  @Test
  void aBodyOverTheLimitStops() {
    BodyStream stream = stream(Duration.ofSeconds(10), 10);
    stream.onNext(bytes("0123456789abc"));

    assertThatThrownBy(() -> stream.readAllBytes())
        .isInstanceOf(BodyStream.ResponseTooLargeException.class)
        .hasMessage("response is larger than 10 bytes");
  }

  @Test
  void closingBeforeTheEndDropsTheRest() throws Exception {
    BodyStream stream = stream(Duration.ofSeconds(10), 1000);
    stream.onNext(bytes("{\"a\":1,"));

    stream.read(new byte[3], 0, 3);
    stream.close();

    assertThat(network.cancelled).isTrue();
    assertThat(stream.complete()).isFalse();
  }

  @Test
  void anInterruptedReaderStopsAndKeepsItsFlag() {
    BodyStream stream = stream(Duration.ofSeconds(10), 1000);
    Thread.currentThread().interrupt();

    assertThatThrownBy(() -> stream.read(new byte[1], 0, 1))
        .isInstanceOf(InterruptedIOException.class);
    assertThat(Thread.interrupted()).as("interrupt flag kept").isTrue();
  }
}
