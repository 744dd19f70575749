package dev.imgwire.sample;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The one context configuration of the {@code *AotTests}, so that they share one
 * AOT-generated context.
 *
 * @author Imgwire
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "sample.security.password=aot-test-password", "sample.emulator.processing-delay=50ms",
				"sample.rate-limit.tokens-per-minute=1000", "imgwire.retry.enabled=false" })
@interface SampleAppAotTest {

	/** The demo user's password in these tests. */
	String PASSWORD = "aot-test-password";

}
