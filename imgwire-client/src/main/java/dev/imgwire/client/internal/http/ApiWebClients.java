package dev.imgwire.client.internal.http;

import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.DefaultUriBuilderFactory;

import dev.imgwire.client.ImgwireClientSettings;

/**
 * Builds the two {@link WebClient}s of the Imgwire client from the caller's builder,
 * which is cloned and never changed: one for the API, carrying the base URL, the
 * {@code User-Agent} and {@code X-Environment-Id}; one for the presigned {@code PUT},
 * which must never carry credentials.
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

	private ApiWebClients() {
	}

	/**
	 * Build the API client. Authorization is the Server Key by default; the one operation
	 * that authenticates with the Client Key sets its own. (A request without headers of
	 * its own also spares WebClient a merge of default and request headers.)
	 * @param builder the caller's builder
	 * @param settings the settings
	 * @return the client
	 */
	public static WebClient api(WebClient.Builder builder, ImgwireClientSettings settings) {
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
	public static WebClient uploads(WebClient.Builder builder) {
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

}
