package dev.imgwire.emulator.routes.http;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

import io.netty.handler.codec.http.HttpHeaderNames;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.netty.channel.AbortedException;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

import dev.imgwire.emulator.fault.Fault;
import dev.imgwire.emulator.fault.FaultQueue;
import dev.imgwire.emulator.routes.wire.ApiException;
import dev.imgwire.emulator.routes.wire.Uuids;
import dev.imgwire.emulator.routes.wire.ValidationErrors;
import dev.imgwire.emulator.routes.wire.ValidationException;
import dev.imgwire.emulator.state.RequestCounters;

/**
 * Entry point for every request: route, count, pick the fault, authenticate, run the
 * handler and write the reply.
 * <p>
 * Counting and fault selection happen right after routing, before authentication, so a
 * test can fault requests regardless of the key they carry and can count requests that
 * were rejected.
 *
 * @author imgwire
 */
public final class EmulatorHttpHandler implements BiFunction<HttpServerRequest, HttpServerResponse, Publisher<Void>> {

	private static final System.Logger logger = System.getLogger(EmulatorHttpHandler.class.getName());

	private final Router router;

	private final Authenticator authenticator;

	private final CorsPolicy cors;

	private final RequestCounters counters;

	private final FaultQueue faults;

	private final RequestLimits limits;

	public EmulatorHttpHandler(List<Route> routes, Authenticator authenticator, CorsPolicy cors,
			RequestCounters counters, FaultQueue faults, RequestLimits limits) {
		this.router = new Router(routes);
		this.authenticator = authenticator;
		this.cors = cors;
		this.counters = counters;
		this.faults = faults;
		this.limits = limits;
	}

	/**
	 * Handle a request in a fresh task on its own event loop. Reactor Netty 1.3.6 stops
	 * reading a keep-alive connection when a pipelined request completes re-entrantly
	 * while its predecessor's completion is being processed (reactor-netty#4361); an
	 * in-memory emulator answers fast enough to hit that, so completion is never allowed
	 * to be synchronous.
	 */
	@Override
	public Publisher<Void> apply(HttpServerRequest request, HttpServerResponse response) {
		Executor[] eventLoop = new Executor[1];
		request.withConnection((connection) -> eventLoop[0] = connection.channel().eventLoop());
		Scheduler loop = Schedulers.fromExecutor(eventLoop[0]);
		// The last resort: whatever escaped still gets a JSON reply rather than Reactor
		// Netty's empty 500, as long as nothing was sent yet.
		return Mono.defer(() -> handle(request, response, loop))
			.onErrorResume((ex) -> !response.hasSentHeaders(),
					(ex) -> ReplyWriter.send(response, errorReply(ex).closeConnection()))
			.subscribeOn(loop);
	}

	private Mono<Void> handle(HttpServerRequest request, HttpServerResponse response, Scheduler loop) {
		Exchange exchange = Exchange.of(request, this.limits);
		UnaryOperator<HttpReply> finish = (reply) -> finish(reply, exchange);
		if (exchange.malformedTarget() != null) {
			return ReplyWriter.send(response,
					finish.apply(HttpReply.error(ApiException.invalidRequest(exchange.malformedTarget()))));
		}
		if (this.cors.isPreflight(exchange)) {
			return ReplyWriter.send(response, closeIfBodyUnread(preflight(exchange), exchange));
		}
		RouteMatch match = this.router.match(exchange.method(), exchange.path());
		if (match.route() == null) {
			return ReplyWriter.send(response, finish.apply(unrouted(match, exchange)));
		}
		Route route = match.route();
		this.counters.increment(route.operation());
		Fault fault = this.faults.take(route.operation()).orElse(null);
		Mono<HttpReply> operation = Mono.defer(() -> run(route, match, exchange))
			.onErrorResume((ex) -> Mono.just(errorReply(ex)))
			.map(finish)
			// Handlers may finish on a processing thread; writing from the event loop
			// keeps Reactor Netty's completion bookkeeping off threads that outlive the
			// loop.
			.publishOn(loop);
		return FaultInjector.deliver(fault, operation, finish, response);
	}

	/**
	 * Add what every reply gets: CORS headers, and a closing connection when the request
	 * body was left unread and is not worth draining.
	 */
	private HttpReply finish(HttpReply reply, Exchange exchange) {
		return closeIfBodyUnread(this.cors.decorate(reply, exchange), exchange);
	}

	private static HttpReply closeIfBodyUnread(HttpReply reply, Exchange exchange) {
		return exchange.closeAfterReply(reply.status()) ? reply.closeConnection() : reply;
	}

	private Mono<HttpReply> run(Route route, RouteMatch match, Exchange exchange) {
		Caller caller = this.authenticator.authenticate(exchange, route.access());
		if (route.access() != Access.NONE) {
			validateEnvironmentHeader(exchange);
		}
		return route.handler().handle(new ApiRequest(exchange, match.variables(), caller));
	}

	/**
	 * Server keys are environment-scoped, so the header changes nothing here; it is still
	 * validated as the spec's {@code uuid | null} header parameter.
	 * @param exchange the request
	 */
	private static void validateEnvironmentHeader(Exchange exchange) {
		String environmentId = exchange.header("X-Environment-Id");
		if (environmentId != null && Uuids.parse(environmentId.trim()).isEmpty()) {
			throw ValidationErrors.single("uuid_parsing", Uuids.MESSAGE, "header", "x-environment-id");
		}
	}

	private HttpReply preflight(Exchange exchange) {
		var methods = this.router.methodsAt(exchange.path());
		return methods.isEmpty() ? notFound() : this.cors.preflight(exchange, methods);
	}

	private static HttpReply unrouted(RouteMatch match, Exchange exchange) {
		if (!match.allowedMethods().isEmpty()) {
			return HttpReply.json(405, Map.of("detail", "Method Not Allowed"))
				.header("Allow", String.join(", ", match.allowedMethods()));
		}
		if (match.redirectPath() != null) {
			// Starlette's redirect_slashes: an absolute URL built from the Host header.
			String query = (exchange.rawQuery() != null && !exchange.rawQuery().isEmpty()) ? "?" + exchange.rawQuery()
					: "";
			String host = exchange.header(HttpHeaderNames.HOST);
			String location = ((host != null) ? "http://" + host : "") + match.redirectPath() + query;
			return HttpReply.empty(307).header("Location", location);
		}
		return notFound();
	}

	private static HttpReply notFound() {
		return HttpReply.json(404, Map.of("detail", "Not Found"));
	}

	private static HttpReply errorReply(Throwable ex) {
		if (ex instanceof ApiException api) {
			return HttpReply.error(api);
		}
		if (ex instanceof ValidationException validation) {
			return HttpReply.error(validation);
		}
		if (ex instanceof IOException || ex.getCause() instanceof IOException || ex instanceof AbortedException) {
			// Typically the client went away mid-request; nobody will read this reply.
			logger.log(System.Logger.Level.DEBUG, "I/O error while handling request", ex);
		}
		else {
			logger.log(System.Logger.Level.WARNING, "Unexpected error in Imgwire emulator", ex);
		}
		return HttpReply.json(500, Map.of("detail", "Internal Server Error"));
	}

}
