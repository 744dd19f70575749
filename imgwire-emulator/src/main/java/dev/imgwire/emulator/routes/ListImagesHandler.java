package dev.imgwire.emulator.routes;

import java.util.List;

import reactor.core.publisher.Mono;

import dev.imgwire.emulator.state.ImageRecord;
import dev.imgwire.emulator.state.Images;

/**
 * {@code GET /api/v1/images/}: offset pagination by page number, described by headers.
 * <p>
 * A missing previous or next page is sent as the literal {@code null}, as the real API
 * does; clients must treat it (like {@code ""} and {@code None}) as "no page".
 *
 * @author imgwire
 */
final class ListImagesHandler implements RouteHandler {

	private static final String NO_PAGE = "null";

	private final Images images;

	private final WireFormat wireFormat;

	ListImagesHandler(Images images, WireFormat wireFormat) {
		this.images = images;
		this.wireFormat = wireFormat;
	}

	@Override
	public Mono<HttpReply> handle(ApiRequest request) {
		ValidationErrors errors = new ValidationErrors();
		long page = QueryParams.integer(request.exchange(), "page", 1, 1, Long.MAX_VALUE, errors);
		long limit = QueryParams.integer(request.exchange(), "limit", 20, 1, 100, errors);
		errors.throwIfAny();
		List<ImageRecord> all = this.images.live();
		long total = all.size();
		long offset = (page - 1 > Long.MAX_VALUE / limit) ? Long.MAX_VALUE : (page - 1) * limit;
		List<ImageRecord> slice = (offset >= total) ? List.of()
				: all.subList((int) offset, (int) Math.min(total, offset + limit));
		boolean hasNext = offset < total && offset + limit < total;
		HttpReply reply = HttpReply.json(200, slice.stream().map(this.wireFormat::image).toList());
		return Mono.just(reply.header("X-Total-Count", Long.toString(total))
			.header("X-Page", Long.toString(page))
			.header("X-Limit", Long.toString(limit))
			.header("X-Prev-Page", (page > 1) ? Long.toString(page - 1) : NO_PAGE)
			.header("X-Next-Page", hasNext ? Long.toString(page + 1) : NO_PAGE));
	}

}
