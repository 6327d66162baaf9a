package io.scaledapi.example.queueapi;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The system clock in whole microseconds that are never whole milliseconds. The operator writes an
 * Event's eventTime with as many fractional digits as the instant has (ISO_INSTANT); the API server
 * accepts exactly six and refuses the Event otherwise ("cannot parse ... as
 * 2006-01-02T15:04:05.000000Z07:00"). Needed until the operator writes six digits itself.
 */
final class MicrosecondClock extends Clock {
  private final Clock system = Clock.systemUTC();

  @Override
  public Instant instant() {
    Instant t = system.instant().truncatedTo(ChronoUnit.MICROS);
    return t.getNano() % 1_000_000 == 0 ? t.plusNanos(1_000) : t;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("UTC only");
  }
}
