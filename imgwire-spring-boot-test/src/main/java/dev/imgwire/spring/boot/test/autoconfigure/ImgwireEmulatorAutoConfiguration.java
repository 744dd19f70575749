package dev.imgwire.spring.boot.test.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import dev.imgwire.emulator.ImgwireEmulator;
import dev.imgwire.spring.boot.autoconfigure.ImgwireAutoConfiguration;
import dev.imgwire.spring.boot.autoconfigure.ImgwireConnectionDetails;

/**
 * {@link EnableAutoConfiguration Auto-configuration} imported by
 * {@link AutoConfigureImgwireEmulator}: starts an {@link ImgwireEmulator} and exposes
 * {@link ImgwireConnectionDetails} pointing at it. They are {@link Primary primary}, so
 * they take precedence over the {@code imgwire.*} properties and over an application's
 * own connection details: a test never reaches the real API by accident.
 *
 * @author Imgwire
 * @since 0.1.0
 */
@AutoConfiguration(before = ImgwireAutoConfiguration.class)
@ConditionalOnClass(ImgwireEmulator.class)
public final class ImgwireEmulatorAutoConfiguration {

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	ImgwireEmulator imgwireEmulator() {
		return ImgwireEmulator.start();
	}

	@Bean
	@Primary
	EmulatorImgwireConnectionDetails imgwireEmulatorConnectionDetails(ImgwireEmulator imgwireEmulator) {
		return new EmulatorImgwireConnectionDetails(imgwireEmulator);
	}

}
