package dev.imgwire.spring.boot.autoconfigure;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * Callback to customize the {@link WebClient.Builder} of the auto-configured
 * {@link dev.imgwire.client.ImgwireImagesClient} only, for example to add a proxy or a
 * logging filter. Unlike Boot's {@code WebClientCustomizer}, it does not touch any other
 * {@code WebClient} of the application.
 * <p>
 * Beans of this type are applied in {@link org.springframework.core.annotation.Order
 * order}, to a clone of Boot's builder (so after Boot's own customizers). The connector
 * carrying {@code imgwire.connect-timeout} is set by an auto-configured customizer of
 * order {@code 0}: a customizer with a higher order, or none, can replace it.
 *
 * @author Imgwire
 * @since 0.1.0
 */
@FunctionalInterface
public interface ImgwireWebClientCustomizer {

	/**
	 * Customize the builder of the Imgwire client.
	 * @param webClientBuilder a clone of Boot's builder, used by the Imgwire client only
	 */
	void customize(WebClient.Builder webClientBuilder);

}
