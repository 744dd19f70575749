package dev.imgwire.emulator.routes;

import java.util.ArrayList;
import java.util.List;

import dev.imgwire.emulator.cdn.CdnVariants;
import dev.imgwire.emulator.fault.FaultQueue;
import dev.imgwire.emulator.processing.ProcessingScheduler;
import dev.imgwire.emulator.processing.RemoteImageFetcher;
import dev.imgwire.emulator.processing.UploadProcessor;
import dev.imgwire.emulator.routes.http.Authenticator;
import dev.imgwire.emulator.routes.http.CorsPolicy;
import dev.imgwire.emulator.routes.http.EmulatorHttpHandler;
import dev.imgwire.emulator.routes.http.RequestLimits;
import dev.imgwire.emulator.routes.http.Route;
import dev.imgwire.emulator.routes.wire.Endpoints;
import dev.imgwire.emulator.routes.wire.WireFormat;
import dev.imgwire.emulator.state.EmulatorStore;

/**
 * Assembles the emulator's route table from one routes class per resource, each declaring
 * its paths in the spec's order.
 *
 * @author imgwire
 */
public final class EmulatorRoutes {

	private EmulatorRoutes() {
	}

	public static EmulatorHttpHandler handler(ServerSettings settings, Endpoints endpoints, EmulatorStore store,
			FaultQueue faults, ProcessingScheduler scheduler, RemoteImageFetcher fetcher, CdnVariants cdnVariants) {
		WireFormat wire = new WireFormat(endpoints);
		CorsPolicy cors = new CorsPolicy(store.corsOrigins());
		UploadUrlSigner signer = new UploadUrlSigner(endpoints, settings.uploadUrlTtl());
		UploadProcessor processor = new UploadProcessor(store, scheduler);
		ImageRoutes images = new ImageRoutes(store, wire, scheduler, settings.uploadTokenTtl(),
				new StandardUploadHandler(store, wire, signer, cors, settings.requireSignedUploads()),
				new UploadViaUrlHandler(store, wire, fetcher, processor, settings.maxUrlFetchBytes()),
				new PresignedPutHandler(store, signer, processor, settings.maxUploadBytes()),
				new CdnHandler(store, endpoints, cdnVariants));
		List<Route> routes = new ArrayList<>(images.routes());
		routes.addAll(new CorsOriginRoutes(store, wire).routes());
		routes.addAll(new CustomDomainRoutes(store, wire).routes());
		routes.addAll(new MetricsRoutes(store, wire).routes());
		return new EmulatorHttpHandler(routes, new Authenticator(settings.serverKey(), settings.clientKey()), cors,
				store.requestCounters(), faults,
				new RequestLimits(settings.maxJsonBodyBytes(), settings.idleTimeout()));
	}

}
