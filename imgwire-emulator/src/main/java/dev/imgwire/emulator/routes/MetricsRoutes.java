package dev.imgwire.emulator.routes;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import io.netty.handler.codec.http.HttpMethod;
import reactor.core.publisher.Mono;

import dev.imgwire.emulator.EmulatorOperation;
import dev.imgwire.emulator.routes.http.Access;
import dev.imgwire.emulator.routes.http.ApiRequest;
import dev.imgwire.emulator.routes.http.HttpReply;
import dev.imgwire.emulator.routes.http.Route;
import dev.imgwire.emulator.routes.wire.MetricsPoint;
import dev.imgwire.emulator.routes.wire.WireFormat;
import dev.imgwire.emulator.state.EmulatorStore;
import dev.imgwire.emulator.state.Usage;
import dev.imgwire.emulator.state.UsageTotals;

/**
 * The metrics API, server key only, computed from what the emulator really counted (see
 * {@link Usage}): nothing is made up, so a test that uploads two images and fetches one
 * from the CDN sees exactly that in the right bucket. The window is read as
 * {@link MetricsWindow} describes.
 *
 * @author imgwire
 */
final class MetricsRoutes {

	private static final String METRICS = "/api/v1/metrics";

	private final EmulatorStore store;

	private final Usage usage;

	private final WireFormat wireFormat;

	MetricsRoutes(EmulatorStore store, WireFormat wireFormat) {
		this.store = store;
		this.usage = store.usage();
		this.wireFormat = wireFormat;
	}

	List<Route> routes() {
		return List.of(
				Route.of(HttpMethod.GET, METRICS + "/datasets", EmulatorOperation.METRICS_DATASETS, Access.SERVER_KEY,
						this::datasets),
				Route.of(HttpMethod.GET, METRICS + "/stats", EmulatorOperation.METRICS_STATS, Access.SERVER_KEY,
						this::stats));
	}

	private Mono<HttpReply> datasets(ApiRequest request) {
		MetricsWindow window = MetricsWindow.of(request.exchange(), this.store.now());
		long stored = this.usage.before(window.start()).storageBytesNet();
		List<MetricsPoint> points = new ArrayList<>();
		for (int i = 0; i < window.starts().size(); i++) {
			UsageTotals bucket = this.usage.between(window.starts().get(i).toInstant(), window.endOf(i).toInstant());
			stored += bucket.storageBytesNet();
			points.add(new MetricsPoint(window.starts().get(i), bucket, stored));
		}
		UsageTotals whole = this.usage.between(window.start(), window.end());
		return Mono.just(HttpReply.json(200, this.wireFormat.metricsDatasets(points, whole)));
	}

	private Mono<HttpReply> stats(ApiRequest request) {
		MetricsWindow window = MetricsWindow.of(request.exchange(), this.store.now());
		MetricsPoint current = point(window.starts().get(0), window.start(), window.end());
		MetricsPoint previous = point(window.starts().get(0), window.previousStart(), window.start());
		return Mono.just(HttpReply.json(200, this.wireFormat.metricsStats(current, previous)));
	}

	private MetricsPoint point(ZonedDateTime label, Instant from, Instant to) {
		return new MetricsPoint(label, this.usage.between(from, to), this.usage.before(to).storageBytesNet());
	}

}
