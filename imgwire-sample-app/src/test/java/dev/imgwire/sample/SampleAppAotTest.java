package dev.imgwire.sample;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The one context configuration of the {@code *AotTests}, so that they share one
 * AOT-generated context. They run in the build's {@code aot-tests} execution, which sets
 * {@code imgwire.aot.output} and {@code spring.aot.enabled}; anywhere else (the
 * {@code default-test} execution, an IDE) they are skipped, since the AOT-generated
 * context is missing there. Where they run, they assert that their context is the
 * AOT-generated one.
 *
 * @author Imgwire
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@EnabledIfSystemProperty(named = "imgwire.aot.output", matches = ".+",
		disabledReason = "needs the AOT-generated context: runs in the build's aot-tests execution")
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "sample.security.password=aot-test-password", "sample.emulator.processing-delay=50ms",
				"sample.rate-limit.tokens-per-minute=1000", "imgwire.retry.enabled=false" })
@interface SampleAppAotTest {

	/** The demo user's password in these tests. */
	String PASSWORD = "aot-test-password";

}
