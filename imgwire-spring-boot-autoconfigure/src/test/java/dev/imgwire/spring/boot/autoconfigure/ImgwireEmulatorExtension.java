package dev.imgwire.spring.boot.autoconfigure;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.util.Assert;

import dev.imgwire.emulator.ImgwireEmulator;
import dev.imgwire.emulator.fault.Faults;
import dev.imgwire.emulator.state.EmulatorState;

/**
 * Shared test support: an {@link ImgwireEmulator} started once per test class, reset
 * before each test and closed after the last one, and {@link ApplicationContextRunner}
 * factories with the auto-configurations the Imgwire client builds on. Register it in a
 * static field:
 *
 * <pre class="code">
 * &#064;RegisterExtension
 * static final ImgwireEmulatorExtension emulator = new ImgwireEmulatorExtension();
 * </pre>
 *
 * @author Imgwire
 * @see RegisterExtension
 */
public final class ImgwireEmulatorExtension implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

	private ImgwireEmulator emulator;

	/**
	 * An {@link ApplicationContextRunner} with Boot's HTTP client and WebClient
	 * auto-configurations and {@link ImgwireAutoConfiguration}, pointing nowhere yet.
	 * @return the runner
	 */
	public static ApplicationContextRunner contextRunner() {
		return new ApplicationContextRunner().withConfiguration(
				AutoConfigurations.of(HttpClientAutoConfiguration.class, ReactiveHttpClientAutoConfiguration.class,
						WebClientAutoConfiguration.class, ImgwireAutoConfiguration.class));
	}

	/**
	 * Point the given runner at the emulator, with its base URL and Server Key.
	 * @param runner the runner to start from
	 * @return the runner pointed at the emulator
	 */
	public ApplicationContextRunner runner(ApplicationContextRunner runner) {
		return runner.withPropertyValues("imgwire.base-url=" + baseUrl(), "imgwire.server-key=" + serverKey());
	}

	/**
	 * A {@link #contextRunner()} pointed at the emulator.
	 * @return the runner
	 */
	public ApplicationContextRunner runner() {
		return runner(contextRunner());
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		this.emulator = ImgwireEmulator.start();
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		emulator().reset();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		if (this.emulator != null) {
			this.emulator.close();
			this.emulator = null;
		}
	}

	/**
	 * The running emulator.
	 * @return the emulator
	 */
	public ImgwireEmulator emulator() {
		Assert.state(this.emulator != null,
				"The emulator runs only while a test class does: register the extension in a static field");
		return this.emulator;
	}

	public String baseUrl() {
		return emulator().baseUrl();
	}

	public String serverKey() {
		return emulator().serverKey();
	}

	public String clientKey() {
		return emulator().clientKey();
	}

	public Faults faults() {
		return emulator().faults();
	}

	public EmulatorState state() {
		return emulator().state();
	}

	public void reset() {
		emulator().reset();
	}

}
