package dev.imgwire.emulator;

import java.util.function.Supplier;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh emulator for each test, closed after it, with raw HTTP pointed at it. Register
 * it with {@code @RegisterExtension}.
 */
final class RunningEmulator implements BeforeEachCallback, AfterEachCallback {

	private final Supplier<ImgwireEmulator.Builder> builder;

	private ImgwireEmulator emulator;

	private TestHttp http;

	RunningEmulator() {
		this(ImgwireEmulator::builder);
	}

	RunningEmulator(Supplier<ImgwireEmulator.Builder> builder) {
		this.builder = builder;
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		this.emulator = this.builder.get().start();
		this.http = new TestHttp(this.emulator);
	}

	@Override
	public void afterEach(ExtensionContext context) {
		this.emulator.close();
	}

	ImgwireEmulator emulator() {
		return this.emulator;
	}

	TestHttp http() {
		return this.http;
	}

}
