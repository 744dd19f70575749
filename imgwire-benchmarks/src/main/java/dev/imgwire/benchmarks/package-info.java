/**
 * The benchmark harness: contenders, scenarios, phases and the table of ratios.
 */
@NullMarked
package dev.imgwire.benchmarks;

import org.jspecify.annotations.NullMarked;
