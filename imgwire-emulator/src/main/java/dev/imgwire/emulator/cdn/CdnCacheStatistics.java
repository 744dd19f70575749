package dev.imgwire.emulator.cdn;

/**
 * A snapshot of the emulator's cache of transformed CDN variants, counted since start or
 * the last {@code reset()}.
 *
 * @param encodes images the emulator decoded, transformed and encoded: one per cache miss
 * that produced a variant
 * @param hits requests answered from the cache
 * @param misses requests that had to transform
 * @param evictions variants dropped to stay within {@code maxBytes}, or because their
 * image is no longer delivered
 * @param entries variants held now
 * @param bytes bytes held now
 * @param maxBytes the bound on {@code bytes}
 * @author imgwire
 */
public record CdnCacheStatistics(long encodes, long hits, long misses, long evictions, int entries, long bytes,
		long maxBytes) {

}
