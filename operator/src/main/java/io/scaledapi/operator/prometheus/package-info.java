/**
 * Client for the Prometheus HTTP API.
 *
 * <p>{@link io.scaledapi.operator.prometheus.PrometheusClient} runs instant and range queries and
 * turns every ordinary outcome, including network and Prometheus errors, into a result value
 * ({@link io.scaledapi.operator.prometheus.QueryResult}, {@link
 * io.scaledapi.operator.prometheus.RangeResult}). Code that reads metrics should depend on {@link
 * io.scaledapi.operator.prometheus.MetricsSource}, which a lambda can implement for instant
 * queries.
 */
package io.scaledapi.operator.prometheus;
