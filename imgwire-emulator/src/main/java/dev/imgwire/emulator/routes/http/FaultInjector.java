package dev.imgwire.emulator.routes.http;

import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;

import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerResponse;

import dev.imgwire.emulator.fault.Fault;

/**
 * Delivers the outcome of an operation with the request's fault, if any, applied.
 *
 * @author imgwire
 */
final class FaultInjector {

	private FaultInjector() {
	}

	/**
	 * Deliver a request.
	 * @param fault the fault taken for this request, or {@code null}
	 * @param operation runs the operation; subscribed at most once
	 * @param decorate adds headers every reply gets (CORS)
	 * @param response the response
	 * @return completion
	 */
	static Mono<Void> deliver(@Nullable Fault fault, Mono<HttpReply> operation, UnaryOperator<HttpReply> decorate,
			HttpServerResponse response) {
		if (fault == null) {
			return operation.flatMap((reply) -> ReplyWriter.send(response, reply));
		}
		if (fault instanceof Fault.Respond respond) {
			HttpReply reply = HttpReply.raw(respond.status(), respond.headers(), respond.body());
			return ReplyWriter.send(response, decorate.apply(reply));
		}
		if (fault instanceof Fault.Stall stall) {
			return Mono.delay(stall.duration()).then(deliver(null, operation, decorate, response));
		}
		if (fault instanceof Fault.ResetConnection) {
			return ReplyWriter.abort(response);
		}
		if (fault instanceof Fault.LoseResponse) {
			return operation.then(ReplyWriter.abort(response));
		}
		if (fault instanceof Fault.TruncateBody) {
			return operation.flatMap((reply) -> ReplyWriter.sendTruncated(response, reply));
		}
		if (fault instanceof Fault.DripBody drip) {
			return operation
				.flatMap((reply) -> ReplyWriter.sendDripping(response, reply, drip.bytes(), drip.interval()));
		}
		if (fault instanceof Fault.OverrideHeaders override) {
			return operation.flatMap((reply) -> ReplyWriter.send(response, reply.headers(override.headers())));
		}
		throw new IllegalStateException("Unknown fault " + fault);
	}

}
