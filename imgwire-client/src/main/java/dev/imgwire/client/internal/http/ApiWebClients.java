package dev.imgwire.client.internal.http;

import java.util.List;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.DefaultUriBuilderFactory;

import dev.imgwire.client.ImgwireClientSettings;

/**
 * The two {@link WebClient}s of the Imgwire client, built from the caller's builder,
 * which is cloned and never changed: one for the API, carrying the base URL, the
 * {@code User-Agent} and {@code X-Environment-Id}; one for the presigned {@code PUT},
 * which must never carry credentials. They are built at the first request, not with the
 * client: an application pays for WebClient, its codecs and its connector when it first
 * calls Imgwire, not when it starts (see BENCHMARKS.md, start-up).
 *
 * @author Imgwire
 */
public final class ApiWebClients {

	/**
	 * Header carrying the environment id.
	 */
	public static final String ENVIRONMENT_ID = "X-Environment-Id";

	/**
	 * Headers that must not reach the storage behind a presigned URL: the URL is the
	 * credential, and anything else would leak.
	 */
	private static final List<String> CREDENTIAL_HEADERS = List.of(HttpHeaders.AUTHORIZATION,
			HttpHeaders.PROXY_AUTHORIZATION, HttpHeaders.COOKIE, ENVIRONMENT_ID);

	private final Supplier<WebClient.Builder> builder;

	private final ImgwireClientSettings settings;

	private volatile @Nullable Built built;

	/**
	 * Create the holder; nothing is built yet.
	 * @param builder supplies the caller's builder, called once, at the first request
	 * @param settings base URL and keys
	 */
	public ApiWebClients(Supplier<WebClient.Builder> builder, ImgwireClientSettings settings) {
		this.builder = builder;
		this.settings = settings;
	}

	/**
	 * The API client.
	 * @return the client
	 */
	public WebClient api() {
		return built().api;
	}

	/**
	 * The client for presigned uploads, which never carries credentials.
	 * @return the client
	 */
	public WebClient uploads() {
		return built().uploads;
	}

	/**
	 * The URI templates of the base URL, rendered as the API client renders them.
	 * @return the templates
	 */
	public UriTemplates uris() {
		return built().uris;
	}

	/**
	 * One volatile read once built. A builder that fails fails that request, and the next
	 * one tries again.
	 */
	private Built built() {
		Built built = this.built;
		if (built == null) {
			synchronized (this) {
				built = this.built;
				if (built == null) {
					built = new Built(this.builder.get(), this.settings);
					this.built = built;
				}
			}
		}
		return built;
	}

	/**
	 * Build the API client. Authorization is the Server Key by default; the one operation
	 * that authenticates with the Client Key sets its own. (A request without headers of
	 * its own also spares WebClient a merge of default and request headers.)
	 * @param builder the caller's builder
	 * @param settings the settings
	 * @return the client
	 */
	private static WebClient api(WebClient.Builder builder, ImgwireClientSettings settings) {
		// An explicit factory, because a factory on the caller's builder would make it
		// ignore baseUrl.
		DefaultUriBuilderFactory uriBuilderFactory = new DefaultUriBuilderFactory(settings.baseUrl());
		return withoutRequestDetailLogging(builder.clone()).uriBuilderFactory(uriBuilderFactory)
			.defaultHeaders((headers) -> {
				headers.set(HttpHeaders.USER_AGENT, ClientVersion.userAgent());
				headers.setBearerAuth(settings.serverKey());
				if (settings.environmentId() != null && !settings.environmentId().isBlank()) {
					headers.set(ENVIRONMENT_ID, settings.environmentId().strip());
				}
			})
			.build();
	}

	/**
	 * Build the client for presigned uploads. The credential filter is registered last,
	 * so it runs after any filter from the caller's builder, right before the request is
	 * sent.
	 * @param builder the caller's builder
	 * @return the client
	 */
	private static WebClient uploads(WebClient.Builder builder) {
		return withoutRequestDetailLogging(builder.clone()).defaultHeaders((headers) -> {
			CREDENTIAL_HEADERS.forEach(headers::remove);
			headers.set(HttpHeaders.USER_AGENT, ClientVersion.userAgent());
		}).filter(stripCredentials()).build();
	}

	/**
	 * Spring logs request headers, among them {@code Authorization: Bearer <key>}, when
	 * logging of request details is enabled (Boot's
	 * {@code spring.http.codecs.log-request-details}); never for these clients. Applied
	 * after the caller's codec configuration, so it wins.
	 */
	private static WebClient.Builder withoutRequestDetailLogging(WebClient.Builder builder) {
		return builder.codecs((codecs) -> codecs.defaultCodecs().enableLoggingRequestDetails(false));
	}

	/**
	 * Remove credential headers that an earlier filter may have added; a request without
	 * any goes through as it is, rather than copied.
	 */
	private static ExchangeFilterFunction stripCredentials() {
		return (request, next) -> {
			HttpHeaders headers = request.headers();
			for (String name : CREDENTIAL_HEADERS) {
				if (headers.containsHeader(name)) {
					return next.exchange(ClientRequest.from(request)
						.headers((copy) -> CREDENTIAL_HEADERS.forEach(copy::remove))
						.build());
				}
			}
			return next.exchange(request);
		};
	}

	private static final class Built {

		private final WebClient api;

		private final WebClient uploads;

		private final UriTemplates uris;

		Built(WebClient.Builder builder, ImgwireClientSettings settings) {
			this.api = api(builder, settings);
			this.uploads = uploads(builder);
			// The factory WebClient would use for the base URL; templates are expanded by
			// hand with its rendering (see UriTemplates) and handed over as URIs with
			// their template.
			this.uris = new UriTemplates(new DefaultUriBuilderFactory(settings.baseUrl()));
		}

	}

}
