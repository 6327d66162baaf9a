package io.scaledapi.operator.promql;

import static io.scaledapi.operator.promql.ValueType.MATRIX;
import static io.scaledapi.operator.promql.ValueType.SCALAR;
import static io.scaledapi.operator.promql.ValueType.STRING;
import static io.scaledapi.operator.promql.ValueType.VECTOR;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The functions of Prometheus 2.42 with their argument and return types. */
final class Functions {

  /**
   * What a function takes and gives.
   *
   * @param variadic how many times the last argument type may repeat beyond once: 0 for none, -1
   *     for any number; with variadic the last argument may also be left out
   */
  record Signature(List<ValueType> args, int variadic, ValueType returns) {}

  private static final Map<String, Signature> ALL = new HashMap<>();

  static {
    for (String name :
        List.of(
            "abs",
            "absent",
            "acos",
            "acosh",
            "asin",
            "asinh",
            "atan",
            "atanh",
            "ceil",
            "cos",
            "cosh",
            "deg",
            "exp",
            "floor",
            "histogram_count",
            "histogram_sum",
            "ln",
            "log10",
            "log2",
            "rad",
            "sgn",
            "sin",
            "sinh",
            "sort",
            "sort_desc",
            "sqrt",
            "tan",
            "tanh",
            "timestamp")) {
      define(name, 0, VECTOR, VECTOR);
    }
    for (String name :
        List.of(
            "absent_over_time",
            "avg_over_time",
            "changes",
            "count_over_time",
            "delta",
            "deriv",
            "idelta",
            "increase",
            "irate",
            "last_over_time",
            "max_over_time",
            "min_over_time",
            "present_over_time",
            "rate",
            "resets",
            "stddev_over_time",
            "stdvar_over_time",
            "sum_over_time")) {
      define(name, 0, VECTOR, MATRIX);
    }
    for (String name :
        List.of(
            "days_in_month",
            "day_of_month",
            "day_of_week",
            "day_of_year",
            "hour",
            "minute",
            "month",
            "year")) {
      define(name, 1, VECTOR, VECTOR);
    }
    define("clamp", 0, VECTOR, VECTOR, SCALAR, SCALAR);
    define("clamp_max", 0, VECTOR, VECTOR, SCALAR);
    define("clamp_min", 0, VECTOR, VECTOR, SCALAR);
    define("histogram_fraction", 0, VECTOR, SCALAR, SCALAR, VECTOR);
    define("histogram_quantile", 0, VECTOR, SCALAR, VECTOR);
    define("holt_winters", 0, VECTOR, MATRIX, SCALAR, SCALAR);
    define("label_replace", 0, VECTOR, VECTOR, STRING, STRING, STRING, STRING);
    define("label_join", -1, VECTOR, VECTOR, STRING, STRING, STRING);
    define("pi", 0, SCALAR);
    define("predict_linear", 0, VECTOR, MATRIX, SCALAR);
    define("quantile_over_time", 0, VECTOR, SCALAR, MATRIX);
    define("round", 1, VECTOR, VECTOR, SCALAR);
    define("scalar", 0, SCALAR, VECTOR);
    define("time", 0, SCALAR);
    define("vector", 0, VECTOR, SCALAR);
  }

  private Functions() {}

  private static void define(String name, int variadic, ValueType returns, ValueType... args) {
    ALL.put(name, new Signature(List.of(args), variadic, returns));
  }

  static Optional<Signature> find(String name) {
    return Optional.ofNullable(ALL.get(name));
  }
}
