package dev.imgwire.spring.boot.autoconfigure.health;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import dev.imgwire.emulator.EmulatorOperation;
import dev.imgwire.spring.boot.autoconfigure.ImgwireAutoConfiguration;
import dev.imgwire.spring.boot.autoconfigure.ImgwireEmulatorExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ImgwireHealthContributorAutoConfiguration} and
 * {@link ImgwireHealthIndicator}.
 *
 * @author Imgwire
 */
class ImgwireHealthContributorAutoConfigurationTests {

	private static final Duration BLOCK = Duration.ofSeconds(10);

	@RegisterExtension
	static final ImgwireEmulatorExtension emulator = new ImgwireEmulatorExtension();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(WebClientAutoConfiguration.class, ImgwireAutoConfiguration.class,
				ImgwireHealthContributorAutoConfiguration.class))
		.withPropertyValues("imgwire.retry.enabled=false");

	private ApplicationContextRunner emulatorRunner(String serverKey) {
		return emulator.runner(this.contextRunner).withPropertyValues("imgwire.server-key=" + serverKey);
	}

	@Test
	void shouldNotRegisterIndicatorByDefault() {
		emulatorRunner(emulator.serverKey())
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(ImgwireHealthIndicator.class));
	}

	@Test
	void shouldNotRegisterIndicatorWithoutClient() {
		emulatorRunner(emulator.serverKey())
			.withPropertyValues("management.health.imgwire.enabled=true", "imgwire.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(ImgwireHealthIndicator.class));
	}

	@Test
	void shouldBackOffWhenUserDefinesImgwireHealthIndicatorBean() {
		ReactiveHealthIndicator userIndicator = () -> Mono.just(Health.unknown().build());
		emulatorRunner(emulator.serverKey()).withPropertyValues("management.health.imgwire.enabled=true")
			.withBean("imgwireHealthIndicator", ReactiveHealthIndicator.class, () -> userIndicator)
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(ImgwireHealthIndicator.class);
				assertThat(context.getBean("imgwireHealthIndicator")).isSameAs(userIndicator);
			});
	}

	@Test
	void shouldReportUpWhenTheApiAcceptsTheKey() {
		emulatorRunner(emulator.serverKey()).withPropertyValues("management.health.imgwire.enabled=true")
			.run((context) -> {
				Health health = context.getBean(ImgwireHealthIndicator.class).health().block(BLOCK);
				assertThat(health.getStatus()).isEqualTo(Status.UP);
				assertThat(emulator.state().requestCount(EmulatorOperation.LIST)).isEqualTo(1);
			});
	}

	@Test
	void shouldReportDownWithAuthenticationDetailForWrongKey() {
		emulatorRunner("sk_wrong_key_123").withPropertyValues("management.health.imgwire.enabled=true")
			.run((context) -> {
				Health health = context.getBean(ImgwireHealthIndicator.class).health().block(BLOCK);
				assertThat(health.getStatus()).isEqualTo(Status.DOWN);
				assertThat(health.getDetails()).containsEntry("error",
						"authentication failed: HTTP 401 InvalidTokenError");
				assertThat(health.toString()).doesNotContain("sk_wrong_key_123").doesNotContain(emulator.serverKey());
			});
	}

	@Test
	void shouldReportDownWhenTheApiDoesNotAnswerInTime() {
		emulatorRunner(emulator.serverKey())
			.withPropertyValues("management.health.imgwire.enabled=true", "management.health.imgwire.timeout=100ms")
			.run((context) -> {
				emulator.faults().next(EmulatorOperation.LIST, 1).stall(Duration.ofSeconds(2));
				Health health = context.getBean(ImgwireHealthIndicator.class).health().block(BLOCK);
				assertThat(health.getStatus()).isEqualTo(Status.DOWN);
				assertThat(health.getDetails()).containsEntry("error", "no answer within PT0.1S");
			});
	}

	@Test
	void shouldReportDownWithStatusForServerErrors() {
		emulatorRunner(emulator.serverKey()).withPropertyValues("management.health.imgwire.enabled=true")
			.run((context) -> {
				emulator.faults().next(EmulatorOperation.LIST, 1).respondWith(503);
				Health health = context.getBean(ImgwireHealthIndicator.class).health().block(BLOCK);
				assertThat(health.getStatus()).isEqualTo(Status.DOWN);
				assertThat(health.getDetails()).containsEntry("error", "API error: HTTP 503 InjectedFault");
			});
	}

}
