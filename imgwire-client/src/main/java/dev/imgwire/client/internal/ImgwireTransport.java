package dev.imgwire.client.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JavaType;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriUtils;

import dev.imgwire.client.ImgwireClientSettings;
import dev.imgwire.client.ImgwireOperation;
import dev.imgwire.client.error.ImgwireApiException;
import dev.imgwire.client.error.ImgwireException;
import dev.imgwire.client.internal.http.ApiExchange;
import dev.imgwire.client.internal.http.ApiWebClients;
import dev.imgwire.client.internal.http.ConcealedQuery;
import dev.imgwire.client.internal.http.Deadline;
import dev.imgwire.client.internal.http.ErrorResponseDecoder;
import dev.imgwire.client.internal.http.JsonCodec;
import dev.imgwire.client.internal.http.PaginationHeaders;
import dev.imgwire.client.internal.http.ResponseBodies;
import dev.imgwire.client.internal.http.SecretRedactor;
import dev.imgwire.client.model.IdempotentRequest;
import dev.imgwire.client.model.Page;
import dev.imgwire.client.model.Pagination;
import dev.imgwire.client.observation.ImgwireClientObservationContext;
import dev.imgwire.client.observation.ImgwireClientObservationConvention;
import dev.imgwire.client.observation.ImgwireClientObserver;
import dev.imgwire.client.retry.ImgwireRetryStrategy;
import dev.imgwire.client.validation.RequestValidator;

/**
 * The one transport every resource client shares. It owns what all requests have in
 * common: the base URL and keys, {@code X-Environment-Id} and {@code User-Agent}, the
 * per-attempt deadline, the retry strategy, observations, error decoding, secret
 * redaction, the idempotency-key default, and the rule that a retry meeting the effect of
 * an earlier attempt is done. An operation is then its {@link ImgwireOperation
 * descriptor}, a validated {@link ApiRequest} and a {@link ResponseReader}:
 *
 * <pre class="code">
 * return transport.execute(ImgwireOperation.RETRIEVE_CORS_ORIGIN,
 *         () -&gt; ApiRequest.to(RequestValidator.uuid("cors_origin_id", id)), this.corsOrigin);
 * </pre>
 * <p>
 * Longer than most classes on purpose: it is the one place every request goes through, so
 * what would otherwise be repeated in each resource client lives here, together with the
 * response readers they share.
 *
 * @author Imgwire
 */
public final class ImgwireTransport {

	/**
	 * The attribute under which {@code WebClient} keeps a request's URI template for its
	 * observations; set by hand where a URI is used as is.
	 */
	public static final String URI_TEMPLATE_ATTRIBUTE = WebClient.class.getName() + ".uriTemplate";

	private final ImgwireClientSettings settings;

	private final ApiWebClients clients;

	private final JsonCodec json = new JsonCodec();

	private final ResponseBodies bodies = new ResponseBodies(this.json);

	private final ApiExchange exchange;

	private final ImgwireRetryStrategy retryStrategy;

	private final ImgwireClientObserver observer;

	private final Deadline deadline;

	/**
	 * Create the transport. Nothing of WebClient is created before the first request: the
	 * builder is asked for then, so that an application pays for WebClient, its codecs
	 * and its connector when it first calls Imgwire, not when it starts.
	 * @param webClientBuilder supplies the caller's builder, cloned and never changed;
	 * called once, at the first request
	 * @param settings base URL and keys
	 * @param retryStrategy the retry strategy
	 * @param observationRegistry where observations go
	 * @param observationConvention a custom convention, or {@code null}
	 * @param responseTimeout how long one attempt may take, from connect to the last byte
	 * of the answer
	 */
	public ImgwireTransport(Supplier<WebClient.Builder> webClientBuilder, ImgwireClientSettings settings,
			ImgwireRetryStrategy retryStrategy, ObservationRegistry observationRegistry,
			@Nullable ImgwireClientObservationConvention observationConvention, Duration responseTimeout) {
		this.settings = settings;
		this.clients = new ApiWebClients(webClientBuilder, settings);
		SecretRedactor redactor = new SecretRedactor(settings.serverKey(), settings.clientKey());
		this.exchange = new ApiExchange(new ErrorResponseDecoder(this.json), redactor);
		this.retryStrategy = retryStrategy;
		this.observer = new ImgwireClientObserver(observationRegistry, observationConvention);
		this.deadline = Deadline.response(responseTimeout);
	}

	/**
	 * Run an operation of one request: observed, validated at subscription (nothing is
	 * sent when {@code request} throws), sent through the retry strategy.
	 * @param <T> the result type
	 * @param operation the operation
	 * @param request validates the arguments and describes the request
	 * @param reader reads the answer
	 * @return the result
	 */
	public <T> Mono<T> execute(ImgwireOperation operation, Supplier<ApiRequest> request, ResponseReader<T> reader) {
		if (!reader.namesImages()) {
			return observe(operation, (context) -> execute(context, request.get(), reader));
		}
		return observe(operation, (context) -> this.<T>execute(context, request.get(), reader).doOnNext((result) -> {
			String imageId = reader.imageId(result);
			if (imageId != null) {
				context.setImageId(imageId);
			}
		}));
	}

	private <T> Mono<T> execute(ImgwireClientObservationContext context, ApiRequest described,
			ResponseReader<T> reader) {
		ImgwireOperation operation = context.getOperation();
		if (described.imageId() != null) {
			context.setImageId(described.imageId());
		}
		// Written once, so that every attempt sends the same body and idempotency key.
		Object body = described.body();
		byte[] json = (body != null) ? this.json.write(withIdempotencyKey(body)) : null;
		String token = described.uploadToken();
		if (token == null) {
			return send(context, reader, () -> exchange(context, (rawQuery) -> request(operation, described, json),
					null, this.deadline, this.exchange.redactor(), reader));
		}
		ConcealedQuery query = ConcealedQuery.of("upload_token=" + UriUtils.encode(token, StandardCharsets.UTF_8));
		SecretRedactor redactor = this.exchange.redactor().and(token);
		return send(context, reader,
				() -> exchange(context,
						(rawQuery) -> signedRequest(operation, described, json, Objects.requireNonNull(rawQuery)),
						query, this.deadline, redactor, reader));
	}

	/**
	 * Fetch one page of a list operation, after checking the page and limit.
	 * @param <T> the item type
	 * @param operation the list operation
	 * @param itemType the item type
	 * @param page the page, from 1
	 * @param limit items per page
	 * @return the page with its pagination
	 */
	public <T> Mono<Page<T>> list(ImgwireOperation operation, Class<T> itemType, int page, int limit) {
		return list(operation, itemType, page, limit, null);
	}

	/**
	 * The pages of a list operation, for {@link Paging}: each told its pagination headers
	 * before its body is read.
	 * @param <T> the item type
	 * @param operation the list operation
	 * @param itemType the item type
	 * @return the source of pages
	 */
	public <T> Paging.PageSource<T> pages(ImgwireOperation operation, Class<T> itemType) {
		return (page, limit, headers) -> list(operation, itemType, page, limit, headers);
	}

	private <T> Mono<Page<T>> list(ImgwireOperation operation, Class<T> itemType, int page, int limit,
			@Nullable Consumer<Pagination> headers) {
		return execute(operation, () -> {
			RequestValidator.page(page);
			RequestValidator.limit(limit);
			return ApiRequest.to().query("page", page).query("limit", limit);
		}, page(itemType, page, limit, headers));
	}

	/**
	 * Observe an operation made of other operations, such as an upload.
	 * @param <T> the result type
	 * @param operation the operation
	 * @param work the work, given the observation's context
	 * @return the observed work
	 */
	public <T> Mono<T> observe(ImgwireOperation operation, Function<ImgwireClientObservationContext, Mono<T>> work) {
		return this.observer.observe(() -> new ImgwireClientObservationContext(operation), work);
	}

	/**
	 * Send a request through the retry strategy, counting every attempt. The count goes
	 * on the exception here, not in the strategy, so that custom strategies report it
	 * too. A retry answered with the operation's "already done" status gives the reader's
	 * {@link ResponseReader#alreadyDone() result}.
	 * @param <T> the result type
	 * @param context the operation's context
	 * @param reader the reader of the answer
	 * @param attempt sends one attempt
	 * @return the result
	 */
	public <T> Mono<T> send(ImgwireClientObservationContext context, ResponseReader<T> reader,
			Supplier<Mono<T>> attempt) {
		ImgwireOperation operation = context.getOperation();
		Mono<T> counted = Mono.defer(() -> {
			context.incrementAttempts();
			return attempt.get();
		});
		return this.retryStrategy.apply(operation, counted).onErrorResume((ex) -> {
			if (ex instanceof ImgwireException imgwireException
					&& imgwireException.getAttempts() < context.getAttempts()) {
				imgwireException.setAttempts(context.getAttempts());
			}
			if (ex instanceof ImgwireApiException apiException && apiException.getAttempts() > 1
					&& operation.isAlreadyDone(apiException.getStatusCode())) {
				return reader.alreadyDone();
			}
			return Mono.error(ex);
		});
	}

	/**
	 * Send one attempt.
	 * @param <T> the result type
	 * @param context the operation's context, which receives the status
	 * @param request builds the request for a raw query (see {@link ApiExchange})
	 * @param query the query that is a credential, or {@code null}
	 * @param deadline the bound of the whole attempt
	 * @param redactor removes secrets from the server's error text
	 * @param reader reads the answer
	 * @return the result
	 */
	public <T> Mono<T> exchange(ImgwireClientObservationContext context,
			Function<@Nullable String, WebClient.RequestHeadersSpec<?>> request, @Nullable ConcealedQuery query,
			Deadline deadline, SecretRedactor redactor, ResponseReader<T> reader) {
		ImgwireOperation operation = context.getOperation();
		return this.exchange.exchange(operation, request, query, deadline, redactor, context::setStatus,
				(response) -> reader.read(response, operation));
	}

	private WebClient.RequestHeadersSpec<?> request(ImgwireOperation operation, ApiRequest request,
			byte @Nullable [] body) {
		String uriTemplate = request.uriTemplate(Objects.requireNonNull(operation.pathTemplate()));
		WebClient.RequestBodySpec spec = this.clients.api()
			.method(Objects.requireNonNull(operation.method()))
			.uri(this.clients.uris().expand(uriTemplate, request.uriVariables()))
			.attribute(URI_TEMPLATE_ATTRIBUTE, uriTemplate);
		// The Server Key is the API client's default Authorization header.
		return withBody(spec, body);
	}

	private WebClient.RequestHeadersSpec<?> signedRequest(ImgwireOperation operation, ApiRequest request,
			byte @Nullable [] body, String rawQuery) {
		String pathTemplate = Objects.requireNonNull(operation.pathTemplate());
		URI uri = ConcealedQuery.withQuery(this.clients.uris().expand(pathTemplate, request.pathVariables()), rawQuery);
		// Upload tokens exist for Client Keys; without one configured, the Server Key
		// still authenticates.
		String clientKey = this.settings.clientKey();
		String key = (clientKey != null && !clientKey.isBlank()) ? clientKey : this.settings.serverKey();
		WebClient.RequestBodySpec spec = this.clients.api()
			.method(Objects.requireNonNull(operation.method()))
			.uri(uri)
			.attribute(URI_TEMPLATE_ATTRIBUTE, pathTemplate + "?upload_token={upload_token}");
		return withBody(spec.headers((headers) -> headers.setBearerAuth(key)), body);
	}

	private static WebClient.RequestHeadersSpec<?> withBody(WebClient.RequestBodySpec spec, byte @Nullable [] body) {
		return (body != null) ? spec.contentType(MediaType.APPLICATION_JSON).bodyValue(body) : spec;
	}

	private static Object withIdempotencyKey(Object body) {
		if (body instanceof IdempotentRequest<?> request && request.idempotencyKey() == null) {
			return request.withIdempotencyKey(newIdempotencyKey());
		}
		return body;
	}

	/**
	 * A fresh idempotency key.
	 * @return a random UUID
	 */
	public static String newIdempotencyKey() {
		return UUID.randomUUID().toString();
	}

	/**
	 * A reader of a JSON body.
	 * @param <T> the result type
	 * @param type the result type
	 * @return the reader
	 */
	public <T> ResponseReader<T> json(Class<T> type) {
		return json(this.json.type(type));
	}

	private <T> ResponseReader<T> json(JavaType type) {
		return (response, operation) -> this.bodies.read(response, type, method(operation), path(operation));
	}

	/**
	 * A reader of the string map that deletes answer; a retry that found the work done
	 * gives an empty map.
	 * @return the reader
	 */
	public ResponseReader<Map<String, String>> stringMap() {
		return this.<Map<String, String>>json(this.json.type(Map.class, String.class, String.class))
			.whenAlreadyDone(() -> Mono.just(Map.of()));
	}

	/**
	 * A reader of one page of a list: a JSON array and the pagination headers.
	 * @param <T> the item type
	 * @param itemType the item type
	 * @param page the page asked for
	 * @param limit the limit asked for
	 * @return the reader
	 */
	public <T> ResponseReader<Page<T>> page(Class<T> itemType, int page, int limit) {
		return page(itemType, page, limit, null);
	}

	private <T> ResponseReader<Page<T>> page(Class<T> itemType, int page, int limit,
			@Nullable Consumer<Pagination> headers) {
		ResponseReader<List<T>> items = json(this.json.type(List.class, itemType));
		return (response, operation) -> {
			HttpHeaders httpHeaders = response.headers().asHttpHeaders();
			if (headers != null) {
				// Before the body: the item count is not known yet.
				headers.accept(PaginationHeaders.parse(httpHeaders, page, limit, 0));
			}
			return items.read(response, operation)
				.map((list) -> new Page<>(list, PaginationHeaders.parse(httpHeaders, page, limit, list.size())));
		};
	}

	/**
	 * A reader that drains a body whose content does not matter.
	 * @return the reader
	 */
	public ResponseReader<Void> discard() {
		return (response, operation) -> this.bodies.discard(response);
	}

	/**
	 * The client for presigned uploads, which never carries credentials.
	 * @return the client
	 */
	public WebClient uploads() {
		return this.clients.uploads();
	}

	/**
	 * The JSON codec.
	 * @return the codec
	 */
	public JsonCodec json() {
		return this.json;
	}

	/**
	 * The redactor of the configured keys.
	 * @return the redactor
	 */
	public SecretRedactor redactor() {
		return this.exchange.redactor();
	}

	@Override
	public String toString() {
		return "ImgwireTransport[" + this.settings + "]";
	}

	private static String method(ImgwireOperation operation) {
		return Objects.requireNonNull(operation.method()).name();
	}

	private static String path(ImgwireOperation operation) {
		return Objects.requireNonNull(operation.pathTemplate());
	}

}
