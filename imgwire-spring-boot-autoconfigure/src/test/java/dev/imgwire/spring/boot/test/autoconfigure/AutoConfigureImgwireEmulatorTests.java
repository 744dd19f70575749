package dev.imgwire.spring.boot.test.autoconfigure;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import dev.imgwire.client.ImgwireImagesClient;
import dev.imgwire.client.model.Image;
import dev.imgwire.emulator.EmulatorOperation;
import dev.imgwire.emulator.ImgwireEmulator;
import dev.imgwire.spring.boot.autoconfigure.ImgwireConnectionDetails;
import dev.imgwire.spring.boot.autoconfigure.TestImages;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AutoConfigureImgwireEmulator} in a real {@link SpringBootTest}, with no
 * {@code imgwire.*} properties at all.
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
		Image image = this.client.upload(TestImages.source(TestImages.png(5, 3)), TestImages.options("emulated.png"))
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
