/**
 * Work that happens after bytes arrive: format sniffing, dimensions, the PROCESSING to
 * READY transition, download archives and fetching images by URL.
 */
package dev.imgwire.emulator.processing;
