package dev.imgwire.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JavaType;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriUtils;

import dev.imgwire.client.error.ImgwireApiException;
import dev.imgwire.client.error.ImgwireException;
import dev.imgwire.client.error.ImgwireProcessingException;
import dev.imgwire.client.error.ImgwireRequestValidationException;
import dev.imgwire.client.error.ImgwireTimeoutException;
import dev.imgwire.client.error.ImgwireUploadException;
import dev.imgwire.client.http.ApiExchange;
import dev.imgwire.client.http.ApiWebClients;
import dev.imgwire.client.http.ConcealedQuery;
import dev.imgwire.client.http.ErrorResponseDecoder;
import dev.imgwire.client.http.JsonCodec;
import dev.imgwire.client.http.PaginationHeaders;
import dev.imgwire.client.http.ResponseBodies;
import dev.imgwire.client.http.SecretRedactor;
import dev.imgwire.client.http.UploadBody;
import dev.imgwire.client.model.DownloadJob;
import dev.imgwire.client.model.DownloadJobStatus;
import dev.imgwire.client.model.Image;
import dev.imgwire.client.model.ImageIds;
import dev.imgwire.client.model.ImageStatus;
import dev.imgwire.client.model.Page;
import dev.imgwire.client.model.StandardUpload;
import dev.imgwire.client.model.StandardUploadRequest;
import dev.imgwire.client.model.SupportedMimeType;
import dev.imgwire.client.model.UploadToken;
import dev.imgwire.client.model.UploadViaUrlRequest;
import dev.imgwire.client.observation.ImgwireClientObservationContext;
import dev.imgwire.client.observation.ImgwireClientObservationConvention;
import dev.imgwire.client.observation.ImgwireClientObserver;
import dev.imgwire.client.retry.DefaultImgwireRetryStrategy;
import dev.imgwire.client.retry.ImgwireRetryPolicy;
import dev.imgwire.client.retry.ImgwireRetryReason;
import dev.imgwire.client.retry.ImgwireRetryStrategy;
import dev.imgwire.client.upload.ContentDigest;
import dev.imgwire.client.upload.MimeTypeInference;
import dev.imgwire.client.upload.UploadOptions;
import dev.imgwire.client.upload.UploadSource;
import dev.imgwire.client.validation.RequestValidator;

/**
 * The {@link ImgwireImagesClient} over Spring's {@link WebClient}.
 * <p>
 * Each operation is one observation, runs its argument checks at subscription (so
 * nothing is sent for an invalid request), and sends each of its requests through the
 * {@link ImgwireRetryStrategy} exactly once. URIs are always given as templates with
 * variables, so HTTP client metrics keep the template and never an id or token.
 *
 * @author Imgwire
 */
public final class DefaultImgwireImagesClient implements ImgwireImagesClient {

	private static final String LIST_URI = ImgwireOperation.LIST.pathTemplate() + "?page={page}&limit={limit}";

	private static final String CREATE_WITH_TOKEN_URI = ImgwireOperation.CREATE.pathTemplate()
			+ "?upload_token={upload_token}";

	/**
	 * The attribute under which {@code WebClient} keeps a request's URI template for its
	 * observations; set by hand for the presigned {@code PUT}, whose URL is used as is.
	 */
	private static final String URI_TEMPLATE_ATTRIBUTE = WebClient.class.getName() + ".uriTemplate";

	private final WebClient api;

	private final WebClient uploads;

	private final ImgwireClientSettings settings;

	private final JsonCodec json;

	private final ResponseBodies bodies;

	private final ApiExchange exchange;

	private final ImgwireRetryStrategy retryStrategy;

	private final ImgwireClientObserver observer;

	private final Duration responseTimeout;

	private final Duration uploadTimeout;

	private final Duration pollInterval;

	private final boolean awaitReadyByDefault;

	private final Duration readyTimeout;

	private final JavaType imageType;

	private final JavaType imageListType;

	private final JavaType standardUploadType;

	private final JavaType uploadTokenType;

	private final JavaType downloadJobType;

	private final JavaType stringMapType;

	private DefaultImgwireImagesClient(Builder builder) {
		this.settings = builder.settings;
		this.api = ApiWebClients.api(builder.webClientBuilder, builder.settings);
		this.uploads = ApiWebClients.uploads(builder.webClientBuilder);
		this.json = new JsonCodec();
		this.bodies = new ResponseBodies(this.json);
		SecretRedactor redactor = new SecretRedactor(builder.settings.serverKey(), builder.settings.clientKey());
		this.exchange = new ApiExchange(new ErrorResponseDecoder(this.json), redactor);
		this.observer = new ImgwireClientObserver(builder.observationRegistry, builder.observationConvention);
		this.retryStrategy = (builder.retryStrategy != null) ? builder.retryStrategy
				: new DefaultImgwireRetryStrategy(builder.retryPolicy, builder.observationRegistry,
						builder.observationConvention);
		this.responseTimeout = builder.responseTimeout;
		this.uploadTimeout = builder.uploadTimeout;
		this.pollInterval = builder.pollInterval;
		this.awaitReadyByDefault = builder.awaitReadyByDefault;
		this.readyTimeout = builder.readyTimeout;
		this.imageType = this.json.type(Image.class);
		this.imageListType = this.json.type(List.class, Image.class);
		this.standardUploadType = this.json.type(StandardUpload.class);
		this.uploadTokenType = this.json.type(UploadToken.class);
		this.downloadJobType = this.json.type(DownloadJob.class);
		this.stringMapType = this.json.type(Map.class, String.class, String.class);
	}

	@Override
	public Mono<Page<Image>> list(int page, int limit) {
		return operation(ImgwireOperation.LIST, (context) -> {
			RequestValidator.page(page);
			RequestValidator.limit(limit);
			return send(context, () -> exchange(context, this.api.get().uri(LIST_URI, page, limit).headers(serverKey()),
					(response) -> this.bodies.<List<Image>>read(response, this.imageListType, "GET",
							ImgwireOperation.LIST.pathTemplate())
						.map((items) -> new Page<>(items, PaginationHeaders.parse(response.headers().asHttpHeaders(),
								page, limit, items.size())))));
		});
	}

	@Override
	public Flux<Page<Image>> listPages(int limit) {
		return Flux.defer(() -> {
			RequestValidator.limit(limit);
			return DemandDrivenPages.<Cursor, Page<Image>, Page<Image>>flux(new Cursor(1, limit),
					(cursor) -> list(cursor.page(), cursor.limit()), (page, cursor) -> cursor.next(page, limit),
					List::of);
		});
	}

	@Override
	public Flux<Image> listAll(int limit) {
		return Flux.defer(() -> {
			RequestValidator.limit(limit);
			return DemandDrivenPages.<Cursor, Page<Image>, Image>flux(new Cursor(1, limit),
					(cursor) -> list(cursor.page(), cursor.limit()), (page, cursor) -> cursor.next(page, limit),
					Page::items);
		});
	}

	@Override
	public Mono<Image> retrieve(String imageId) {
		return operation(ImgwireOperation.RETRIEVE, (context) -> {
			UUID id = RequestValidator.imageId(imageId);
			context.setImageId(id.toString());
			return send(context,
					() -> exchange(context,
							this.api.get().uri(ImgwireOperation.RETRIEVE.pathTemplate(), id).headers(serverKey()),
							json(ImgwireOperation.RETRIEVE, this.imageType)));
		});
	}

	@Override
	public Mono<Map<String, String>> delete(String imageId) {
		return operation(ImgwireOperation.DELETE, (context) -> {
			UUID id = RequestValidator.imageId(imageId);
			context.setImageId(id.toString());
			return send(context,
					() -> exchange(context,
							this.api.delete().uri(ImgwireOperation.DELETE.pathTemplate(), id).headers(serverKey()),
							this.<Map<String, String>>json(ImgwireOperation.DELETE, this.stringMapType)))
				.onErrorResume(earlierAttemptDelivered(404), (ex) -> Mono.just(Map.of()));
		});
	}

	@Override
	public Mono<Map<String, String>> bulkDelete(Collection<String> imageIds) {
		return operation(ImgwireOperation.BULK_DELETE, (context) -> {
			byte[] body = this.json.write(new ImageIds(RequestValidator.imageIds(imageIds)));
			return send(context,
					() -> exchange(context,
							jsonBody(this.api.post().uri(ImgwireOperation.BULK_DELETE.pathTemplate()), body),
							this.<Map<String, String>>json(ImgwireOperation.BULK_DELETE, this.stringMapType)))
				.onErrorResume(earlierAttemptDelivered(404), (ex) -> Mono.just(Map.of()));
		});
	}

	@Override
	public Mono<StandardUpload> createStandardUpload(StandardUploadRequest request) {
		return createStandardUpload(request, false, null);
	}

	@Override
	public Mono<StandardUpload> createStandardUpload(StandardUploadRequest request, String uploadToken) {
		return createStandardUpload(request, true, uploadToken);
	}

	private Mono<StandardUpload> createStandardUpload(StandardUploadRequest request, boolean signed,
			@Nullable String uploadToken) {
		return operation(ImgwireOperation.CREATE, (context) -> {
			RequestValidator.standardUpload(request);
			if (signed) {
				RequestValidator.uploadToken(uploadToken);
			}
			byte[] body = this.json.write(withIdempotencyKey(request));
			if (!signed) {
				return send(context,
						() -> exchange(context,
								jsonBody(this.api.post().uri(ImgwireOperation.CREATE.pathTemplate()), body),
								this.<StandardUpload>json(ImgwireOperation.CREATE, this.standardUploadType)))
					.doOnNext((upload) -> context.setImageId(String.valueOf(upload.image().id())));
			}
			String token = Objects.requireNonNull(uploadToken);
			SecretRedactor redactor = this.exchange.redactor().and(token);
			// The token is a credential: only the wire sees it, never a log or an
			// observation (see ConcealedQuery).
			ConcealedQuery query = ConcealedQuery.of("upload_token=" + UriUtils.encode(token, StandardCharsets.UTF_8));
			return send(context, () -> this.exchange.exchange(ImgwireOperation.CREATE,
					(rawQuery) -> signedCreate(body, rawQuery), query, this.responseTimeout, this.responseTimeout,
					redactor, context::setStatus,
					this.<StandardUpload>json(ImgwireOperation.CREATE, this.standardUploadType)))
				.doOnNext((upload) -> context.setImageId(String.valueOf(upload.image().id())));
		});
	}

	private WebClient.RequestHeadersSpec<?> signedCreate(byte[] body, String rawQuery) {
		// Upload tokens exist for Client Keys; without one configured, the Server Key
		// still authenticates.
		String clientKey = this.settings.clientKey();
		String key = (clientKey != null && !clientKey.isBlank()) ? clientKey : this.settings.serverKey();
		return this.api.post()
			.uri(URI.create(this.settings.baseUrl() + ImgwireOperation.CREATE.pathTemplate() + "?" + rawQuery))
			.attribute(URI_TEMPLATE_ATTRIBUTE, CREATE_WITH_TOKEN_URI)
			.headers((headers) -> headers.setBearerAuth(key))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body);
	}

	@Override
	public Mono<Image> upload(UploadSource source, UploadOptions options) {
		return operation(ImgwireOperation.UPLOAD, (context) -> {
			RequestValidator.notNull("source", source);
			RequestValidator.uploadOptions(options);
			source.validate();
			long length = source.length();
			RequestValidator.contentLength(length);
			if (options.computeSha256() && !source.isReplayable()) {
				throw new ImgwireRequestValidationException("source",
						"a one-shot stream cannot be read twice; use a replayable source to compute hash_sha256");
			}
			// Generated once for the whole upload, so that every retry of the create
			// carries the same key.
			String idempotencyKey = (options.idempotencyKey() != null) ? options.idempotencyKey() : newIdempotencyKey();
			String sourceName = (options.fileName() != null) ? options.fileName() : source.fileName();
			AtomicLong uploaded = new AtomicLong();
			context.setUploadedBytes(0);
			Mono<Optional<String>> hash = options.computeSha256() ? ContentDigest.sha256(source).map(Optional::of)
					: Mono.just(Optional.empty());
			return MimeTypeInference.infer(source, options.mimeType(), sourceName)
				.flatMap((mimeType) -> hash.flatMap((sha256) -> {
					String fileName = (sourceName != null && !sourceName.isBlank()) ? sourceName
							: "upload." + mimeType.extension();
					StandardUploadRequest request = new StandardUploadRequest(fileName, mimeType, length,
							sha256.orElse(null), idempotencyKey, options.purpose(), options.customMetadata());
					return createStandardUpload(request).flatMap((created) -> {
						context.setImageId(String.valueOf(created.image().id()));
						return putBytes(created, source, mimeType, uploaded)
							.then(Mono.defer(() -> afterUpload(created.image(), options)));
					});
				}))
				.doOnEach((signal) -> context.setUploadedBytes(uploaded.get()));
		});
	}

	private Mono<Image> afterUpload(Image image, UploadOptions options) {
		boolean await = (options.awaitReady() != null) ? options.awaitReady() : this.awaitReadyByDefault;
		String id = String.valueOf(image.id());
		return await ? awaitReady(id, this.readyTimeout) : retrieve(id);
	}

	private Mono<Void> putBytes(StandardUpload created, UploadSource source, SupportedMimeType mimeType,
			AtomicLong uploaded) {
		return operation(ImgwireOperation.PUT_BYTES, (context) -> {
			context.setImageId(String.valueOf(created.image().id()));
			context.setUploadedBytes(0);
			URI target = uploadUri(created.uploadUrl());
			long length = source.length();
			// Object stores echo single parameters (S3's <SignatureProvided>), not only
			// the whole URL or query.
			SecretRedactor redactor = this.exchange.redactor()
				.and(created.uploadUrl())
				.and(target.getRawQuery())
				.andQueryValues(target.getRawQuery());
			// The query of a presigned URL is its credential (see ConcealedQuery).
			ConcealedQuery query = (target.getRawQuery() != null && !target.getRawQuery().isEmpty())
					? ConcealedQuery.of(target.getRawQuery()) : null;
			Function<String, WebClient.RequestHeadersSpec<?>> request = (rawQuery) -> this.uploads.put()
				.uri((rawQuery != null) ? ConcealedQuery.withQuery(target, rawQuery) : target)
				.attribute(URI_TEMPLATE_ATTRIBUTE, ImgwireOperation.PUT_BYTES.pathTemplate())
				.contentLength(length)
				.contentType(MediaType.parseMediaType(mimeType.value()))
				.body(UploadBody.of(source::content, length, uploaded));
			Supplier<Mono<Void>> attempt = () -> {
				Mono<Void> put = ((query != null)
						? this.exchange.<Void>exchange(ImgwireOperation.PUT_BYTES, request, query, this.responseTimeout,
								this.uploadTimeout, redactor, context::setStatus, this.bodies::discard)
						: this.exchange.<Void>exchange(ImgwireOperation.PUT_BYTES, request.apply(null),
								this.responseTimeout, this.uploadTimeout, redactor, context::setStatus,
								this.bodies::discard))
					.timeout(this.uploadTimeout, Mono.error(() -> new ImgwireTimeoutException("PUT",
							ImgwireOperation.PUT_BYTES.pathTemplate(), "upload not complete within " + this.uploadTimeout,
							null)));
				if (source.isReplayable()) {
					return put;
				}
				// A one-shot stream is gone after the first attempt: say so rather than let
				// a retry fail obscurely.
				return put.onErrorMap((ex) -> ImgwireRetryReason.of(ex).isPresent(),
						(ex) -> new ImgwireUploadException("The upload failed (" + ex.getMessage()
								+ ") and cannot be retried: the source is a one-shot stream that cannot be replayed",
								ex));
			};
			return send(context, attempt)
				.onErrorResume(earlierAttemptDelivered(409), (ex) -> Mono.empty())
				.doOnEach((signal) -> context.setUploadedBytes(uploaded.get()));
		});
	}

	/**
	 * Whether a failure is a retry meeting the effect of an earlier attempt whose answer
	 * was lost: a retried PUT answered 409 Conflict (the bytes are already there), a
	 * retried delete answered 404 (the image is already gone). The same status on the
	 * first attempt is a real failure.
	 * @param status the status the earlier attempt's effect produces
	 * @return the test
	 */
	private static Predicate<Throwable> earlierAttemptDelivered(int status) {
		return (failure) -> failure instanceof ImgwireApiException apiException
				&& apiException.getStatusCode() == status && apiException.getAttempts() > 1;
	}

	private static URI uploadUri(String uploadUrl) {
		try {
			URI uri = new URI(uploadUrl);
			if (uri.isAbsolute() && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
				return uri;
			}
		}
		catch (URISyntaxException | RuntimeException ex) {
			// Reported below, without the URL, which is a credential.
		}
		throw new ImgwireUploadException("The upload_url returned by the API is not an absolute http(s) URL");
	}

	@Override
	public Mono<Image> uploadViaUrl(UploadViaUrlRequest request) {
		return operation(ImgwireOperation.UPLOAD_VIA_URL, (context) -> {
			RequestValidator.uploadViaUrl(request);
			UploadViaUrlRequest keyed = (request.idempotencyKey() != null) ? request
					: request.withIdempotencyKey(newIdempotencyKey());
			byte[] body = this.json.write(keyed);
			return send(context,
					() -> exchange(context,
							jsonBody(this.api.post().uri(ImgwireOperation.UPLOAD_VIA_URL.pathTemplate()), body),
							this.<Image>json(ImgwireOperation.UPLOAD_VIA_URL, this.imageType)))
				.doOnNext((image) -> context.setImageId(String.valueOf(image.id())));
		});
	}

	@Override
	public Mono<UploadToken> createUploadToken() {
		return operation(ImgwireOperation.CREATE_UPLOAD_TOKEN,
				(context) -> send(context, () -> exchange(context,
						this.api.post().uri(ImgwireOperation.CREATE_UPLOAD_TOKEN.pathTemplate()).headers(serverKey()),
						json(ImgwireOperation.CREATE_UPLOAD_TOKEN, this.uploadTokenType))));
	}

	@Override
	public Mono<DownloadJob> createDownloadJob(Collection<String> imageIds) {
		return operation(ImgwireOperation.CREATE_DOWNLOAD_JOB, (context) -> {
			byte[] body = this.json.write(new ImageIds(RequestValidator.imageIds(imageIds)));
			return send(context, () -> exchange(context,
					jsonBody(this.api.post().uri(ImgwireOperation.CREATE_DOWNLOAD_JOB.pathTemplate()), body),
					json(ImgwireOperation.CREATE_DOWNLOAD_JOB, this.downloadJobType)));
		});
	}

	@Override
	public Mono<DownloadJob> retrieveDownloadJob(String jobId) {
		return operation(ImgwireOperation.RETRIEVE_DOWNLOAD_JOB, (context) -> {
			UUID id = RequestValidator.downloadJobId(jobId);
			return send(context, () -> exchange(context,
					this.api.get().uri(ImgwireOperation.RETRIEVE_DOWNLOAD_JOB.pathTemplate(), id).headers(serverKey()),
					json(ImgwireOperation.RETRIEVE_DOWNLOAD_JOB, this.downloadJobType)));
		});
	}

	@Override
	public Mono<Image> awaitReady(String imageId, Duration timeout) {
		return await("Image", () -> RequestValidator.imageId(imageId), timeout, this::retrieve, Image::status,
				ImageStatus::isTerminal, ImageStatus.READY, (image) -> (image.status() == ImageStatus.QUARANTINE)
						? ": it was quarantined and will not be delivered" : "");
	}

	@Override
	public Mono<DownloadJob> awaitDownloadJob(String jobId, Duration timeout) {
		return await("Download job", () -> RequestValidator.downloadJobId(jobId), timeout, this::retrieveDownloadJob,
				DownloadJob::status, DownloadJobStatus::isTerminal, DownloadJobStatus.READY,
				(job) -> ": the archive could not be built");
	}

	/**
	 * Validate, then poll until the status is terminal: the value when it is the wanted
	 * one, an {@link ImgwireProcessingException} for any other terminal status or when
	 * the timeout passes first.
	 * @param what what is awaited, for messages
	 * @param id validates the id
	 * @param timeout validated, then the bound of the whole wait
	 * @param fetch fetches the value for an id
	 * @param status the status of a value
	 * @param terminal whether a status is terminal
	 * @param ready the wanted terminal status
	 * @param explanation what a message adds after another terminal status
	 * @return the value once ready
	 */
	private <T, S extends Enum<S>> Mono<T> await(String what, Supplier<UUID> id, Duration timeout,
			Function<String, Mono<T>> fetch, Function<T, S> status, Predicate<S> terminal, S ready,
			Function<T, String> explanation) {
		return Mono.defer(() -> {
			String validId = id.get().toString();
			RequestValidator.timeout("timeout", timeout);
			return poll(() -> fetch.apply(validId), status, terminal, timeout)
				.flatMap((value) -> {
					S reached = status.apply(value);
					return (reached == ready) ? Mono.just(value)
							: Mono.error(new ImgwireProcessingException(what + " " + validId + " ended in status "
									+ reached + " instead of " + ready + explanation.apply(value), validId,
									reached.name()));
				})
				.onErrorMap(PollTimeout.class, (ex) -> new ImgwireProcessingException(what + " " + validId
						+ " was not " + ready + " within " + timeout + "; last status: " + ex.lastStatus, validId,
						ex.lastStatus));
		});
	}

	/**
	 * Fetch until the status is terminal, waiting the poll interval in between.
	 */
	private <T, S extends Enum<S>> Mono<T> poll(Supplier<Mono<T>> fetch, Function<T, S> status,
			Predicate<S> terminal, Duration timeout) {
		AtomicReference<String> lastStatus = new AtomicReference<>("none (no answer yet)");
		return Mono.defer(fetch)
			.doOnNext((value) -> lastStatus.set(status.apply(value).name()))
			.filter((value) -> terminal.test(status.apply(value)))
			.repeatWhenEmpty((emptyPolls) -> emptyPolls.concatMap((poll) -> Mono.delay(this.pollInterval)))
			.timeout(timeout, Mono.error(() -> new PollTimeout(lastStatus.get())));
	}

	private <T> Mono<T> operation(ImgwireOperation operation,
			Function<ImgwireClientObservationContext, Mono<T>> work) {
		return this.observer.observe(() -> new ImgwireClientObservationContext(operation), work);
	}

	/**
	 * Send a request through the retry strategy, counting every attempt. The count goes
	 * on the exception here, not in the strategy, so that custom strategies report it
	 * too.
	 */
	private <T> Mono<T> send(ImgwireClientObservationContext context, Supplier<Mono<T>> attempt) {
		Mono<T> counted = Mono.defer(() -> {
			context.incrementAttempts();
			return attempt.get();
		});
		return this.retryStrategy.apply(context.getOperation(), counted).doOnError(ImgwireException.class, (ex) -> {
			if (ex.getAttempts() < context.getAttempts()) {
				ex.setAttempts(context.getAttempts());
			}
		});
	}

	private <T> Mono<T> exchange(ImgwireClientObservationContext context, WebClient.RequestHeadersSpec<?> request,
			Function<ClientResponse, Mono<T>> reader) {
		return this.exchange.exchange(context.getOperation(), request, this.responseTimeout, context::setStatus,
				reader);
	}

	private <T> Function<ClientResponse, Mono<T>> json(ImgwireOperation operation, JavaType type) {
		String method = Objects.requireNonNull(operation.method()).name();
		String pathTemplate = Objects.requireNonNull(operation.pathTemplate());
		return (response) -> this.bodies.read(response, type, method, pathTemplate);
	}

	private WebClient.RequestHeadersSpec<?> jsonBody(WebClient.RequestBodySpec request, byte[] body) {
		return request.headers(serverKey()).contentType(MediaType.APPLICATION_JSON).bodyValue(body);
	}

	private Consumer<HttpHeaders> serverKey() {
		return (headers) -> headers.setBearerAuth(this.settings.serverKey());
	}

	private StandardUploadRequest withIdempotencyKey(StandardUploadRequest request) {
		return (request.idempotencyKey() != null) ? request : request.withIdempotencyKey(newIdempotencyKey());
	}

	private static String newIdempotencyKey() {
		return UUID.randomUUID().toString();
	}

	@Override
	public String toString() {
		return "DefaultImgwireImagesClient[" + this.settings + "]";
	}

	/**
	 * Where the next page is.
	 */
	private record Cursor(int page, int limit) {

		@Nullable Cursor next(Page<Image> current, int requestedLimit) {
			Integer nextPage = current.pagination().nextPage();
			// A server that points back at the same page would loop forever.
			if (nextPage == null || nextPage <= this.page) {
				return null;
			}
			int nextLimit = current.pagination().limit();
			return new Cursor(nextPage,
					(nextLimit >= 1 && nextLimit <= RequestValidator.MAX_LIMIT) ? nextLimit : requestedLimit);
		}

	}

	/**
	 * Internal signal that polling timed out, carrying the last status seen.
	 */
	private static final class PollTimeout extends RuntimeException {

		private final String lastStatus;

		PollTimeout(String lastStatus) {
			super(null, null, false, false);
			this.lastStatus = lastStatus;
		}

	}

	/**
	 * Builds a {@link DefaultImgwireImagesClient}.
	 */
	public static final class Builder {

		private final WebClient.Builder webClientBuilder;

		private final ImgwireClientSettings settings;

		private ImgwireRetryPolicy retryPolicy = ImgwireRetryPolicy.defaults();

		private @Nullable ImgwireRetryStrategy retryStrategy;

		private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

		private @Nullable ImgwireClientObservationConvention observationConvention;

		private Duration responseTimeout = Duration.ofSeconds(30);

		private Duration uploadTimeout = Duration.ofMinutes(10);

		private Duration pollInterval = Duration.ofMillis(500);

		private boolean awaitReadyByDefault;

		private Duration readyTimeout = Duration.ofSeconds(60);

		/**
		 * Start a builder.
		 * @param webClientBuilder the builder to start from; it is cloned, so later
		 * changes to it do not affect this client and this client never changes it
		 * @param settings base URL and keys
		 */
		public Builder(WebClient.Builder webClientBuilder, ImgwireClientSettings settings) {
			Objects.requireNonNull(webClientBuilder, "webClientBuilder must not be null");
			Objects.requireNonNull(settings, "settings must not be null");
			this.webClientBuilder = webClientBuilder.clone();
			this.settings = settings;
		}

		/**
		 * Set the retry policy used by the default retry strategy.
		 * @param retryPolicy the policy; {@link ImgwireRetryPolicy#defaults()} unless
		 * set
		 * @return this builder
		 */
		public Builder retryPolicy(ImgwireRetryPolicy retryPolicy) {
			this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy must not be null");
			return this;
		}

		/**
		 * Replace the retry strategy; the retry policy is then ignored.
		 * @param retryStrategy the strategy, or {@code null} for the default one
		 * @return this builder
		 */
		public Builder retryStrategy(@Nullable ImgwireRetryStrategy retryStrategy) {
			this.retryStrategy = retryStrategy;
			return this;
		}

		/**
		 * Set where observations go.
		 * @param observationRegistry the registry; {@link ObservationRegistry#NOOP}
		 * unless set
		 * @return this builder
		 */
		public Builder observationRegistry(ObservationRegistry observationRegistry) {
			this.observationRegistry = Objects.requireNonNull(observationRegistry,
					"observationRegistry must not be null");
			return this;
		}

		/**
		 * Set a custom observation convention.
		 * @param observationConvention the convention, or {@code null} for the default
		 * one
		 * @return this builder
		 */
		public Builder observationConvention(@Nullable ImgwireClientObservationConvention observationConvention) {
			this.observationConvention = observationConvention;
			return this;
		}

		/**
		 * Set how long to wait for an answer, per attempt.
		 * @param responseTimeout a positive duration; 30 seconds unless set
		 * @return this builder
		 */
		public Builder responseTimeout(Duration responseTimeout) {
			this.responseTimeout = positive("responseTimeout", responseTimeout);
			return this;
		}

		/**
		 * Set how long one attempt of the presigned {@code PUT} may take in total.
		 * @param uploadTimeout a positive duration; 10 minutes unless set
		 * @return this builder
		 */
		public Builder uploadTimeout(Duration uploadTimeout) {
			this.uploadTimeout = positive("uploadTimeout", uploadTimeout);
			return this;
		}

		/**
		 * Set the wait between two polls of {@code awaitReady} and
		 * {@code awaitDownloadJob}.
		 * @param pollInterval between 1 millisecond and 5 minutes; 500 ms unless set
		 * @return this builder
		 */
		public Builder pollInterval(Duration pollInterval) {
			positive("pollInterval", pollInterval);
			if (pollInterval.compareTo(Duration.ofMillis(1)) < 0 || pollInterval.compareTo(Duration.ofMinutes(5)) > 0) {
				throw new IllegalArgumentException("pollInterval: must be between 1 ms and 5 minutes");
			}
			this.pollInterval = pollInterval;
			return this;
		}

		/**
		 * Set whether {@code upload} waits for {@code READY} when its options leave it
		 * open.
		 * @param awaitReadyByDefault {@code false} unless set
		 * @return this builder
		 */
		public Builder awaitReadyByDefault(boolean awaitReadyByDefault) {
			this.awaitReadyByDefault = awaitReadyByDefault;
			return this;
		}

		/**
		 * Set how long {@code upload} waits for {@code READY} when it waits.
		 * @param readyTimeout a positive duration; 60 seconds unless set
		 * @return this builder
		 */
		public Builder readyTimeout(Duration readyTimeout) {
			this.readyTimeout = positive("readyTimeout", readyTimeout);
			return this;
		}

		/**
		 * Build the client.
		 * @return the client
		 */
		public DefaultImgwireImagesClient build() {
			return new DefaultImgwireImagesClient(this);
		}

		private static Duration positive(String name, Duration duration) {
			if (duration == null || duration.isZero() || duration.isNegative()) {
				throw new IllegalArgumentException(name + ": must be a positive duration");
			}
			return duration;
		}

	}

}
