/**
 * Replays a traffic trace through a modelled cluster, one second at a time, under several scaling
 * policies side by side: the operator's own engine and forecaster, the HPA, KEDA, Knative's KPA and
 * a perfect-foresight oracle. Pure: no I/O and no clock; the workload comes in as numbers.
 */
package io.scaledapi.operator.sim;
