package io.scaledapi.operator.prometheus;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A response body read as a stream by the thread that sent the request, one network buffer at a
 * time: nothing is read ahead, every read ends by the request's deadline, and reading stops past a
 * size limit. Keeps the first bytes for excerpts. Closing it before the end drops the connection.
 */
final class BodyStream extends InputStream implements BodySubscriber<InputStream> {

  /** How many of the first bytes are kept for an excerpt. */
  static final int HEAD = 4096;

  private static final Object END = new Object();

  private final BlockingQueue<Object> arrivals = new LinkedBlockingQueue<>();
  private final long deadlineNanos;
  private final long limit;
  private final ByteArrayOutputStream head = new ByteArrayOutputStream();
  private volatile Flow.Subscription subscription;
  private Iterator<ByteBuffer> buffers = List.<ByteBuffer>of().iterator();
  private ByteBuffer buffer = ByteBuffer.allocate(0);
  private long received;
  private boolean finished;
  private boolean closed;

  /**
   * @param deadlineNanos when reading must have ended, in {@link System#nanoTime()} terms
   * @param limit the largest body read, in bytes
   */
  BodyStream(long deadlineNanos, long limit) {
    this.deadlineNanos = deadlineNanos;
    this.limit = limit;
  }

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    this.subscription = subscription;
    subscription.request(1);
  }

  @Override
  public void onNext(List<ByteBuffer> item) {
    arrivals.add(item);
  }

  @Override
  public void onError(Throwable throwable) {
    arrivals.add(throwable);
  }

  @Override
  public void onComplete() {
    arrivals.add(END);
  }

  @Override
  public CompletionStage<InputStream> getBody() {
    return CompletableFuture.completedFuture(this);
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] target, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    if (!fill()) {
      return -1;
    }
    int n = Math.min(length, buffer.remaining());
    buffer.get(target, offset, n);
    received += n;
    if (received > limit) {
      throw new ResponseTooLargeException(limit);
    }
    int kept = Math.min(n, Math.max(0, HEAD - head.size()));
    head.write(target, offset, kept);
    return n;
  }

  /**
   * The first {@value #HEAD} bytes as text, reading on to that many if fewer were read; ends early
   * at the deadline or on an error, keeping what was read.
   */
  String head() {
    byte[] skipped = new byte[512];
    try {
      while (head.size() < HEAD
          && read(skipped, 0, Math.min(skipped.length, HEAD - head.size())) >= 0) {
        // read() keeps the bytes
      }
    } catch (IOException e) {
      // an excerpt of what arrived is all there is
    }
    return head.toString(StandardCharsets.UTF_8);
  }

  /** Whether the body was read to its end. */
  boolean complete() {
    return finished && !buffer.hasRemaining() && !buffers.hasNext();
  }

  @Override
  public void close() {
    if (!closed && !finished) {
      closed = true;
      Flow.Subscription s = subscription;
      if (s != null) {
        s.cancel();
      }
    }
  }

  /** Makes {@code buffer} hold unread bytes, waiting for them; false at the end of the body. */
  private boolean fill() throws IOException {
    while (!buffer.hasRemaining()) {
      if (buffers.hasNext()) {
        buffer = buffers.next();
        continue;
      }
      if (finished || closed) {
        return false;
      }
      Object next = take();
      if (next == END) {
        finished = true;
        return false;
      }
      if (next instanceof Throwable failure) {
        finished = true;
        throw failure instanceof IOException io ? io : new IOException(failure);
      }
      @SuppressWarnings("unchecked")
      List<ByteBuffer> arrived = (List<ByteBuffer>) next;
      buffers = arrived.iterator();
      subscription.request(1);
    }
    return true;
  }

  private Object take() throws IOException {
    long left = deadlineNanos - System.nanoTime();
    Object next;
    try {
      next = left <= 0 ? null : arrivals.poll(left, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while reading the response");
    }
    if (next == null) {
      throw new HttpTimeoutException("the response did not end within the timeout");
    }
    return next;
  }

  /** The response body was larger than allowed. */
  static final class ResponseTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    ResponseTooLargeException(long limit) {
      super("response is larger than " + limit + " bytes");
    }
  }
}
