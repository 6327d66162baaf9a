/**
 * The autoscaler of one ScaledApi: what it remembers between polls and the steps of one poll. Pure:
 * time is passed in, and history read from Prometheus is handed to it. The operator's reconciler
 * and the simulator call the same {@link io.scaledapi.operator.autoscaler.Autoscaler}.
 */
package io.scaledapi.operator.autoscaler;
