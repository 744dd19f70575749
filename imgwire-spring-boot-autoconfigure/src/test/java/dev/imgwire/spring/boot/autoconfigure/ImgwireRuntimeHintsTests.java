package dev.imgwire.spring.boot.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.core.io.support.SpringFactoriesLoader;

import dev.imgwire.client.error.ValidationError;
import dev.imgwire.client.model.DownloadJob;
import dev.imgwire.client.model.Image;
import dev.imgwire.client.model.ImageStatus;
import dev.imgwire.client.model.StandardUpload;
import dev.imgwire.client.model.StandardUploadRequest;
import dev.imgwire.client.model.SupportedMimeType;
import dev.imgwire.client.model.UploadToken;
import dev.imgwire.client.model.UploadViaUrlRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ImgwireRuntimeHints}.
 *
 * @author Imgwire
 */
class ImgwireRuntimeHintsTests {

	@Test
	void shouldBeRegisteredInAotFactories() {
		assertThat(SpringFactoriesLoader.forResourceLocation("META-INF/spring/aot.factories")
			.load(RuntimeHintsRegistrar.class)).hasAtLeastOneElementOfType(ImgwireRuntimeHints.class);
	}

	@Test
	void shouldRegisterJsonTypesForBinding() {
		RuntimeHints hints = new RuntimeHints();
		new ImgwireRuntimeHints().registerHints(hints, getClass().getClassLoader());
		for (Class<?> type : new Class<?>[] { Image.class, StandardUpload.class, StandardUploadRequest.class,
				UploadViaUrlRequest.class, UploadToken.class, DownloadJob.class, ValidationError.class }) {
			assertThat(RuntimeHintsPredicates.reflection().onType(type)).as(type.getName()).accepts(hints);
		}
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(Image.class, "originalFilename"))
			.accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(ValidationError.class, "msg")).accepts(hints);
		assertThat(
				RuntimeHintsPredicates.reflection().onConstructorInvocation(Image.class.getDeclaredConstructors()[0]))
			.accepts(hints);
	}

	@Test
	void shouldRegisterLenientEnumFactories() throws Exception {
		RuntimeHints hints = new RuntimeHints();
		new ImgwireRuntimeHints().registerHints(hints, getClass().getClassLoader());
		assertThat(RuntimeHintsPredicates.reflection().onType(ImageStatus.class)).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(SupportedMimeType.class)).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(SupportedMimeType.class.getMethod("value")))
			.accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection()
			.onMethodInvocation(SupportedMimeType.class.getMethod("fromValue", String.class))).accepts(hints);
	}

	@Test
	void shouldRegisterTheClientVersionResource() {
		RuntimeHints hints = new RuntimeHints();
		new ImgwireRuntimeHints().registerHints(hints, getClass().getClassLoader());
		assertThat(RuntimeHintsPredicates.resource().forResource("dev/imgwire/client/imgwire-client.properties"))
			.accepts(hints);
	}

}
