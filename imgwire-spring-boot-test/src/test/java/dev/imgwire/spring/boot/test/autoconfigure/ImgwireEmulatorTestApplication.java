package dev.imgwire.spring.boot.test.autoconfigure;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * Minimal application for {@link AutoConfigureImgwireEmulatorTests}.
 *
 * @author Imgwire
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class ImgwireEmulatorTestApplication {

}
