/**
 * Arrival-rate forecasting.
 *
 * <p>{@link io.scaledapi.operator.forecast.Forecasters#standard} builds the forecaster the operator
 * uses: a seasonal member, a short-term trend member and the last value, weighted by their recent
 * errors, with a band drawn from the ensemble's own recent residuals, and cycles shorter than a day
 * (surges every 30 or 60 minutes from clients on a schedule) added where the data show them.
 * Everything here is pure: no I/O, no system clock, no threads; time is passed in.
 */
package io.scaledapi.operator.forecast;
