package dev.imgwire.emulator.routes.wire;

import java.time.ZonedDateTime;

import dev.imgwire.emulator.state.UsageTotals;

/**
 * The usage of one metrics bucket or window.
 *
 * @param start the start, in the requested zone
 * @param usage what was counted in it
 * @param storedBytes the bytes stored at its end
 * @author imgwire
 */
public record MetricsPoint(ZonedDateTime start, UsageTotals usage, long storedBytes) {

}
