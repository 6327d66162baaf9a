package io.scaledapi.operator.engine;

/**
 * Which policy wins when several apply: {@code MAX} allows the biggest change, {@code MIN} the
 * smallest, {@code DISABLED} forbids scaling in that direction.
 */
public enum SelectPolicy {
  MAX,
  MIN,
  DISABLED
}
