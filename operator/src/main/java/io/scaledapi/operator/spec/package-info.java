/**
 * A ScaledApi's spec parsed once into typed settings, or into problems that each name the field and
 * the fix. Pure: no I/O, no clock. The reconciler and the simulator both start here.
 */
package io.scaledapi.operator.spec;
