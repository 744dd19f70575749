package dev.imgwire.spring.boot.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

import dev.imgwire.client.cors.CorsOrigin;
import dev.imgwire.client.domain.CertificateStatus;
import dev.imgwire.client.domain.CustomDomain;
import dev.imgwire.client.domain.CustomDomainStatus;
import dev.imgwire.client.error.ValidationError;
import dev.imgwire.client.metrics.MetricsDatasets;
import dev.imgwire.client.metrics.MetricsStats;
import dev.imgwire.client.model.DownloadJob;
import dev.imgwire.client.model.DownloadJobStatus;
import dev.imgwire.client.model.Image;
import dev.imgwire.client.model.ImageIds;
import dev.imgwire.client.model.ImageStatus;
import dev.imgwire.client.model.StandardUpload;
import dev.imgwire.client.model.StandardUploadRequest;
import dev.imgwire.client.model.SupportedMimeType;
import dev.imgwire.client.model.UploadToken;
import dev.imgwire.client.model.UploadViaUrlRequest;

/**
 * {@link RuntimeHintsRegistrar} for a GraalVM native image: registers the JSON types of
 * the Imgwire client for data binding, and the client's version resource (its
 * {@code User-Agent}).
 *
 * @author Imgwire
 * @since 0.1.0
 */
public class ImgwireRuntimeHints implements RuntimeHintsRegistrar {

	private static final Class<?>[] BINDING_TYPES = { Image.class, StandardUpload.class, StandardUploadRequest.class,
			UploadViaUrlRequest.class, UploadToken.class, DownloadJob.class, ImageIds.class, ValidationError.class,
			ImageStatus.class, DownloadJobStatus.class, SupportedMimeType.class, CorsOrigin.class, CustomDomain.class,
			CustomDomainStatus.class, CertificateStatus.class, MetricsDatasets.class, MetricsStats.class };

	private static final Class<?>[] ENUM_TYPES = { ImageStatus.class, DownloadJobStatus.class, SupportedMimeType.class,
			CustomDomainStatus.class, CertificateStatus.class };

	private static final String CLIENT_VERSION_RESOURCE = "dev/imgwire/client/imgwire-client.properties";

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		hints.resources().registerPattern(CLIENT_VERSION_RESOURCE);
		new BindingReflectionHintsRegistrar().registerReflectionHints(hints.reflection(), BINDING_TYPES);
		for (Class<?> type : ENUM_TYPES) {
			// Lenient decoding goes through a @JsonCreator factory and a @JsonValue
			// accessor.
			hints.reflection().registerType(type, MemberCategory.INVOKE_PUBLIC_METHODS);
		}
	}

}
