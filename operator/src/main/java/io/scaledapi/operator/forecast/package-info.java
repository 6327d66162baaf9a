/**
 * Arrival-rate forecasting.
 *
 * <p>{@link io.scaledapi.operator.forecast.Forecasters#standard} builds the forecaster the operator
 * uses: a seasonal member and a short-term trend member, weighted by their recent errors, with a
 * band drawn from the ensemble's own recent residuals. Everything here is pure: no I/O, no system
 * clock, no threads; time is passed in.
 */
package io.scaledapi.operator.forecast;
