package io.scaledapi.operator.promql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Nesting is bounded, so that no query can exhaust the stack of the thread that parses it: each way
 * to nest is refused, with its position, beyond 100 levels, and parsed up to them.
 */
class NestingTest {

  /** Each way to nest, {@code n} levels deep. */
  static Stream<Arguments> ways() {
    return Stream.of(
        Arguments.of("parentheses", (Nest) n -> "(".repeat(n) + "1" + ")".repeat(n)),
        Arguments.of("unary minus", (Nest) n -> "-".repeat(n) + "1"),
        Arguments.of("power, right-associative", (Nest) n -> "2^".repeat(n) + "2"),
        Arguments.of("function calls", (Nest) n -> "abs(".repeat(n) + "x" + ")".repeat(n)),
        Arguments.of("aggregations", (Nest) n -> "sum(".repeat(n) + "x" + ")".repeat(n)),
        Arguments.of(
            "subqueries of calls",
            (Nest) n -> "max_over_time(".repeat(n) + "x[5m]" + ")[5m:]".repeat(n)));
  }

  interface Nest {
    String query(int levels);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ways")
  void deepNestingIsRefusedWithItsPosition(String way, Nest nest) {
    assertThatThrownBy(() -> PromQl.parse(nest.query(5_000)))
        .isInstanceOf(PromQlException.class)
        .hasMessageMatching("1:\\d+: nesting deeper than 100 levels; simplify the query");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ways")
  void nestingUpToTheLimitParses(String way, Nest nest) {
    assertThat(PromQl.parse(nest.query(Parser.MAX_NESTING / 2))).isNotNull();
  }
}
