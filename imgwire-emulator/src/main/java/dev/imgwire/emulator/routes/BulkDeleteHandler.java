package dev.imgwire.emulator.routes;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import reactor.core.publisher.Mono;

import dev.imgwire.emulator.state.EmulatorStore;

/**
 * {@code POST /api/v1/images/bulk_delete}: all or nothing. When any id is unknown the
 * answer is a 404 naming the unknown ids and nothing is deleted, so a client never has
 * to guess which part of a batch went through.
 *
 * @author imgwire
 */
final class BulkDeleteHandler implements RouteHandler {

	private final EmulatorStore store;

	BulkDeleteHandler(EmulatorStore store) {
		this.store = store;
	}

	@Override
	public Mono<HttpReply> handle(ApiRequest request) {
		return JsonBody.read(request.exchange()).map((body) -> {
			List<UUID> requested = body.requiredUuids("image_ids");
			body.validate();
			Set<UUID> ids = new LinkedHashSet<>(requested);
			Set<UUID> unknown = this.store.images().deleteAll(ids, this.store.now());
			if (!unknown.isEmpty()) {
				String names = unknown.stream().map(UUID::toString).collect(Collectors.joining(", "));
				throw ApiException.notFound("Images not found: " + names);
			}
			ids.forEach(this.store.blobs()::delete);
			Map<String, String> reply = new LinkedHashMap<>();
			reply.put("detail", "Images deleted");
			reply.put("deleted", Integer.toString(ids.size()));
			return HttpReply.json(200, reply);
		});
	}

}
