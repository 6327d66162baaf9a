package io.scaledapi.operator.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MetricsSourceTest {

  @Test
  void aLambdaAnswersInstantQueriesAndRefusesRangeQueries() {
    Instant now = Instant.parse("2024-03-01T00:00:00Z");
    MetricsSource source = (promql, time) -> new QueryResult.Value(promql.length(), time);

    assertThat(source.query("up", now)).isEqualTo(new QueryResult.Value(2, now));
    assertThat(source.queryRange("up", now.minusSeconds(60), now, Duration.ofSeconds(15)))
        .isEqualTo(
            new RangeResult.Failure(
                FailureKind.QUERY_REJECTED,
                0,
                null,
                "range queries are not supported by this source"));
  }
}
