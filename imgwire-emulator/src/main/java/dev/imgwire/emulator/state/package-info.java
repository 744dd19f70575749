/**
 * In-memory state of an emulator: images, upload tokens, download jobs, stored bytes,
 * CORS origins, the custom domain, usage for the metrics and request counters, plus the
 * read-only {@link dev.imgwire.emulator.state.EmulatorState} view that tests use instead
 * of HTTP.
 */
@NullMarked
package dev.imgwire.emulator.state;

import org.jspecify.annotations.NullMarked;
