package dev.imgwire.client;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import io.netty.handler.codec.http.HttpHeaders;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientInfos;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Records requests as Reactor Netty sent them, below every WebClient filter.
 */
final class WireRecorder {

	private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

	/**
	 * Exchanges already recorded. Reactor Netty signals a sent request when its body has
	 * been written; a file sent zero-copy may be acknowledged only after the response
	 * arrived and the caller moved on, so the response records the request too, whichever
	 * comes first. One object is both the request and the response of an exchange.
	 */
	private final Set<Object> recorded = Collections
		.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));

	WebClient.Builder webClientBuilder() {
		HttpClient httpClient = HttpClient.create()
			.doAfterRequest((request, connection) -> record(request))
			.doOnResponse((response, connection) -> record(response));
		return WebClient.builder().clientConnector(new ReactorClientHttpConnector(httpClient));
	}

	private void record(HttpClientInfos exchange) {
		if (this.recorded.add(exchange)) {
			this.requests.add(new RecordedRequest(exchange.method().name(), exchange.resourceUrl(),
					copy(exchange.requestHeaders())));
		}
	}

	List<RecordedRequest> requests() {
		return List.copyOf(this.requests);
	}

	List<RecordedRequest> requests(String method) {
		return this.requests.stream().filter((request) -> request.method().equals(method)).toList();
	}

	RecordedRequest last() {
		return this.requests.get(this.requests.size() - 1);
	}

	void clear() {
		this.requests.clear();
	}

	private static List<String[]> copy(HttpHeaders headers) {
		List<String[]> copy = new ArrayList<>();
		headers.forEach((entry) -> copy.add(new String[] { entry.getKey(), entry.getValue() }));
		return copy;
	}

	record RecordedRequest(String method, String url, List<String[]> headers) {

		String header(String name) {
			return this.headers.stream()
				.filter((header) -> header[0].equalsIgnoreCase(name))
				.map((header) -> header[1])
				.findFirst()
				.orElse(null);
		}

		boolean hasHeader(String name) {
			return header(name) != null;
		}

		String pathAndQuery() {
			int start = this.url.indexOf('/', this.url.indexOf("//") + 2);
			return this.url.substring(start);
		}

	}

}
