/**
 * The emulator's API, one routes class per resource: {@code ImageRoutes} (with handler
 * classes of their own for uploads and CDN delivery), and
 * {@link dev.imgwire.emulator.routes.EmulatorRoutes}, which assembles the route table.
 * <p>
 * Internal: {@code EmulatorRoutes} and {@code ServerSettings} are public only for
 * {@code ImgwireEmulator}. They are not API and may change in any release.
 */
@NullMarked
package dev.imgwire.emulator.routes;

import org.jspecify.annotations.NullMarked;
