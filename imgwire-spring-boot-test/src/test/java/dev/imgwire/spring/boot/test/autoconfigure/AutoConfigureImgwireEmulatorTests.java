package dev.imgwire.spring.boot.test.autoconfigure;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import dev.imgwire.client.ImgwireImagesClient;
import dev.imgwire.client.model.Image;
import dev.imgwire.client.model.SupportedMimeType;
import dev.imgwire.client.upload.UploadOptions;
import dev.imgwire.client.upload.UploadSource;
import dev.imgwire.emulator.EmulatorOperation;
import dev.imgwire.emulator.ImgwireEmulator;
import dev.imgwire.emulator.SampleImages;
import dev.imgwire.spring.boot.autoconfigure.ImgwireConnectionDetails;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AutoConfigureImgwireEmulator} in a real {@link SpringBootTest}, with
 * no {@code imgwire.*} properties at all.
 *
 * @author Imgwire
 */
@SpringBootTest
@AutoConfigureImgwireEmulator
class AutoConfigureImgwireEmulatorTests {

	@Autowired
	private ImgwireImagesClient client;

	@Autowired
	private ImgwireEmulator emulator;

	@Autowired
	private ImgwireConnectionDetails connectionDetails;

	@Test
	void shouldUploadAndListAgainstTheEmulator() {
		this.emulator.reset();
		Image image = this.client
			.upload(UploadSource.fromBytes(SampleImages.png(5, 3)),
					UploadOptions.defaults().withFileName("emulated.png").withMimeType(SupportedMimeType.PNG))
			.block(Duration.ofSeconds(10));
		assertThat(this.client.list(1, 10).block(Duration.ofSeconds(10)).items()).extracting(Image::id)
			.containsExactly(image.id());
		assertThat(this.emulator.state().images()).hasSize(1);
		assertThat(this.connectionDetails.getBaseUrl()).isEqualTo(this.emulator.baseUrl());
	}

	@Test
	void shouldExposeTheEmulatorFaults() {
		this.emulator.reset();
		this.emulator.faults().next(EmulatorOperation.LIST, 1).respondWith(503);
		assertThat(this.client.list(1, 1).block(Duration.ofSeconds(20))).isNotNull();
		assertThat(this.emulator.faults().injected(EmulatorOperation.LIST)).isEqualTo(1);
	}

}
