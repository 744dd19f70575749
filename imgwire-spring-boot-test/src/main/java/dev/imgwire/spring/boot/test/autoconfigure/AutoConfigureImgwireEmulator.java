package dev.imgwire.spring.boot.test.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;

/**
 * Annotation for a test class that starts an in-memory Imgwire emulator on loopback and
 * points the auto-configured {@link dev.imgwire.client.ImgwireImagesClient} at it. The
 * emulator is available as a bean of type {@link dev.imgwire.emulator.ImgwireEmulator}
 * (for its {@code faults()} and {@code state()}), and stops with the application context.
 * <p>
 * Provided by {@code dev.imgwire:imgwire-spring-boot-test}, which brings
 * {@code dev.imgwire:imgwire-emulator}; add it with the {@code test} scope. No Server Key
 * is needed.
 *
 * <pre class="code">
 * &#064;SpringBootTest
 * &#064;AutoConfigureImgwireEmulator
 * class MyUploadTests {
 *
 *     &#064;Autowired
 *     ImgwireImagesClient client;
 *
 *     &#064;Autowired
 *     ImgwireEmulator emulator;
 *
 * }
 * </pre>
 *
 * @author Imgwire
 * @since 0.1.0
 * @see ImgwireEmulatorAutoConfiguration
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ImportAutoConfiguration
public @interface AutoConfigureImgwireEmulator {

}
