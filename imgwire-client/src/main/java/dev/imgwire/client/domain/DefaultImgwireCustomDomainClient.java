package dev.imgwire.client.domain;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import reactor.core.publisher.Mono;

import dev.imgwire.client.ImgwireOperation;
import dev.imgwire.client.internal.ApiRequest;
import dev.imgwire.client.internal.ImgwireTransport;
import dev.imgwire.client.internal.ResponseReader;
import dev.imgwire.client.validation.RequestValidator;

/**
 * The {@link ImgwireCustomDomainClient} over the shared {@link ImgwireTransport}.
 *
 * @author Imgwire
 */
public final class DefaultImgwireCustomDomainClient implements ImgwireCustomDomainClient {

	private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

	private final ImgwireTransport transport;

	private final ResponseReader<CustomDomain> customDomain;

	/**
	 * Create the client.
	 * @param transport the shared transport
	 */
	public DefaultImgwireCustomDomainClient(ImgwireTransport transport) {
		this.transport = transport;
		this.customDomain = transport.json(CustomDomain.class);
	}

	@Override
	public Mono<CustomDomain> retrieve() {
		return this.transport.execute(ImgwireOperation.RETRIEVE_CUSTOM_DOMAIN, ApiRequest::to, this.customDomain);
	}

	@Override
	public Mono<CustomDomain> create(String hostname) {
		return this.transport.execute(ImgwireOperation.CREATE_CUSTOM_DOMAIN,
				() -> ApiRequest.to().body(Map.of("hostname", hostname(hostname))), this.customDomain);
	}

	@Override
	public Mono<Map<String, String>> delete() {
		return this.transport.execute(ImgwireOperation.DELETE_CUSTOM_DOMAIN, ApiRequest::to,
				this.transport.stringMap());
	}

	@Override
	public Mono<CustomDomain> testConnection() {
		return this.transport.execute(ImgwireOperation.TEST_CUSTOM_DOMAIN_CONNECTION, ApiRequest::to,
				this.customDomain);
	}

	@Override
	public String toString() {
		return "DefaultImgwireCustomDomainClient[" + this.transport + "]";
	}

	/**
	 * A DNS hostname of at least two labels, each 1 to 63 letters, digits or hyphens, not
	 * starting or ending with a hyphen; 253 characters at most.
	 */
	private static String hostname(String hostname) {
		String value = RequestValidator.notBlank("hostname", hostname).strip().toLowerCase(Locale.ROOT);
		if (value.endsWith(".")) {
			value = value.substring(0, value.length() - 1);
		}
		String[] labels = value.split("\\.", -1);
		if (value.length() > 253 || labels.length < 2) {
			throw RequestValidator.invalid("hostname",
					"must be a DNS hostname of at most 253 characters with at least two labels, such as images.example.com");
		}
		for (String label : labels) {
			if (!LABEL.matcher(label).matches()) {
				throw RequestValidator.invalid("hostname",
						"each label must be 1 to 63 letters, digits or hyphens, not starting or ending with a hyphen");
			}
		}
		return value;
	}

}
