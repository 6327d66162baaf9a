package io.scaledapi.operator.prometheus;

import java.io.IOException;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.BodySubscribers;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/** Collects a response body into a byte array, giving up once it exceeds a size limit. */
final class BoundedBodySubscriber implements BodySubscriber<byte[]> {

  private final BodySubscriber<byte[]> delegate = BodySubscribers.ofByteArray();
  private final long limit;
  private Flow.Subscription subscription;
  private long received;
  private boolean tooLarge;

  BoundedBodySubscriber(long limit) {
    this.limit = limit;
  }

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    this.subscription = subscription;
    delegate.onSubscribe(subscription);
  }

  @Override
  public void onNext(List<ByteBuffer> buffers) {
    if (tooLarge) {
      return;
    }
    for (ByteBuffer buffer : buffers) {
      received += buffer.remaining();
    }
    if (received > limit) {
      tooLarge = true;
      subscription.cancel();
      delegate.onError(new ResponseTooLargeException(limit));
      return;
    }
    delegate.onNext(buffers);
  }

  @Override
  public void onError(Throwable throwable) {
    if (!tooLarge) {
      delegate.onError(throwable);
    }
  }

  @Override
  public void onComplete() {
    if (!tooLarge) {
      delegate.onComplete();
    }
  }

  @Override
  public CompletionStage<byte[]> getBody() {
    return delegate.getBody();
  }

  /** The response body was larger than allowed. */
  static final class ResponseTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    ResponseTooLargeException(long limit) {
      super("response is larger than " + limit + " bytes");
    }
  }
}
