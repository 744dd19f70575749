package dev.imgwire.client;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.netty.handler.codec.http.HttpHeaders;
import reactor.netty.http.client.HttpClient;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Records requests as Reactor Netty sent them, below every WebClient filter.
 */
final class WireRecorder {

	private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

	WebClient.Builder webClientBuilder() {
		HttpClient httpClient = HttpClient.create()
			.doAfterRequest((request, connection) -> this.requests.add(new RecordedRequest(request.method().name(),
					request.resourceUrl(), copy(request.requestHeaders()))));
		return WebClient.builder().clientConnector(new ReactorClientHttpConnector(httpClient));
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
