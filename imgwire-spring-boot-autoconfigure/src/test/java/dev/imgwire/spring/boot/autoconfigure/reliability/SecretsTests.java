package dev.imgwire.spring.boot.autoconfigure.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientObservationAutoConfiguration;

import dev.imgwire.client.ImgwireImagesClient;
import dev.imgwire.client.error.ImgwireException;
import dev.imgwire.client.model.Image;
import dev.imgwire.client.model.StandardUpload;
import dev.imgwire.client.model.StandardUploadRequest;
import dev.imgwire.client.model.SupportedMimeType;
import dev.imgwire.client.model.UploadToken;
import dev.imgwire.client.upload.UploadOptions;
import dev.imgwire.client.upload.UploadSource;
import dev.imgwire.emulator.EmulatorOperation;
import dev.imgwire.emulator.state.EmulatedUploadToken;
import dev.imgwire.spring.boot.autoconfigure.ImgwireConnectionDetails;
import dev.imgwire.spring.boot.autoconfigure.ImgwireEmulatorExtension;
import dev.imgwire.spring.boot.autoconfigure.ImgwireProperties;
import dev.imgwire.spring.boot.autoconfigure.TestImages;
import dev.imgwire.spring.boot.autoconfigure.observation.ImgwireObservationAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With every logger of the client stack at TRACE, an upload, a token upload, failures and
 * retries leave the Server Key, the Client Key, upload tokens and presigned URL
 * signatures in no log line, exception, {@code toString()} or observation key value.
 *
 * @author Imgwire
 */
class SecretsTests {

	private static final Duration BLOCK = Duration.ofSeconds(20);

	/**
	 * The client stack's loggers, as the issue lists them. Spring's WebClient logs under
	 * {@code org.springframework.web.reactive.function.client}, inside
	 * {@code org.springframework.web}.
	 */
	private static final String[] LOGGERS = { "dev.imgwire", "org.springframework.web", "org.springframework.http",
			"org.springframework.core.codec", "reactor.netty", "io.netty" };

	private static final java.util.regex.Pattern SIGNATURE = java.util.regex.Pattern
		.compile("signature=[0-9a-fA-F]{8}");

	@RegisterExtension
	static final ImgwireEmulatorExtension emulator = new ImgwireEmulatorExtension();

	private final ApplicationContextRunner contextRunner = ImgwireEmulatorExtension.contextRunner()
		.withConfiguration(AutoConfigurations.of(CodecsAutoConfiguration.class, ObservationAutoConfiguration.class,
				MetricsAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
				SimpleMetricsExportAutoConfiguration.class, WebClientObservationAutoConfiguration.class,
				ImgwireObservationAutoConfiguration.class))
		.withBean(KeyValueRecorder.class, KeyValueRecorder::new)
		// Spring would log request headers, Authorization included, with this.
		.withPropertyValues("spring.http.codecs.log-request-details=true", "imgwire.retry.initial-delay=1ms",
				"imgwire.retry.max-delay=10ms", "imgwire.response-timeout=2s");

	@Test
	void noKeyTokenOrSignedUrlIsLoggedThrownPrintedOrObserved() {
		List<String> texts = new ArrayList<>();
		Set<String> signatures = new LinkedHashSet<>();
		try (CapturedLogs logs = CapturedLogs.atTrace(LOGGERS)) {
			emulator.runner(this.contextRunner)
				.withPropertyValues("imgwire.client-key=" + emulator.clientKey())
				.run((context) -> {
					ImgwireImagesClient client = context.getBean(ImgwireImagesClient.class);
					byte[] png = TestImages.png(3, 3);

					// A plain upload whose create and PUT are each retried once.
					emulator.faults().next(EmulatorOperation.STANDARD_UPLOAD, 1).respondWith(503);
					emulator.faults().next(EmulatorOperation.PRESIGNED_PUT, 1).respondWith(502);
					Image image = client
						.upload(UploadSource.fromBytes(png), UploadOptions.defaults().withFileName("a.png"))
						.block(BLOCK);
					texts.add(image.toString());

					// A token upload, the way a browser's would go, retried after a 503.
					UploadToken token = client.createUploadToken().block(BLOCK);
					texts.add(token.toString());
					emulator.faults().next(EmulatorOperation.STANDARD_UPLOAD, 1).respondWith(503);
					StandardUploadRequest request = StandardUploadRequest.of("b.png")
						.withMimeType(SupportedMimeType.PNG)
						.withContentLength((long) png.length);
					StandardUpload created = client.createStandardUpload(request, token.token()).block(BLOCK);
					texts.add(created.toString());
					signatures.add(signature(created.uploadUrl()));

					// Failures: the same token again (refused), a token upload whose
					// connection keeps being reset, and a PUT that keeps failing.
					texts.addAll(failure(() -> client.createStandardUpload(request, token.token()).block(BLOCK)));
					UploadToken second = client.createUploadToken().block(BLOCK);
					emulator.faults().next(EmulatorOperation.STANDARD_UPLOAD, 3).resetConnection();
					texts.addAll(failure(() -> client.createStandardUpload(request, second.token()).block(BLOCK)));
					emulator.faults().next(EmulatorOperation.PRESIGNED_PUT, 3).respondWith(503);
					texts.addAll(failure(() -> client
						.upload(UploadSource.fromBytes(png), UploadOptions.defaults().withFileName("c.png"))
						.block(BLOCK)));

					texts.add(client.toString());
					texts.add(context.getBean(ImgwireConnectionDetails.class).toString());
					texts.add(context.getBean(ImgwireProperties.class).toString());
					texts.addAll(context.getBean(KeyValueRecorder.class).keyValues);
					assertThat(context.getBean(KeyValueRecorder.class).keyValues)
						.anyMatch((value) -> value.startsWith("http.url=")
								&& value.contains("/api/v1/images/standard_upload"));
				});
			texts.addAll(clientSideLines(logs.lines()));
		}
		Set<String> secrets = new LinkedHashSet<>();
		secrets.add(emulator.serverKey());
		secrets.add(emulator.clientKey());
		emulator.state().uploadTokens().stream().map(EmulatedUploadToken::token).forEach(secrets::add);
		secrets.addAll(signatures);
		assertThat(emulator.state().uploadTokens()).hasSize(2);
		assertThat(texts).as("captured texts").hasSizeGreaterThan(100);
		List<String> leaks = texts.stream()
			.filter((text) -> secrets.stream().anyMatch(text::contains) || SIGNATURE.matcher(text).find())
			.map((text) -> {
				String shown = text;
				for (String secret : secrets) {
					shown = shown.replace(secret, "<SECRET>");
				}
				return (shown.length() > 400) ? shown.substring(0, 400) + "..." : shown;
			})
			.distinct()
			.toList();
		// Signatures of presigned URLs the test never saw (those of the upload helper)
		// are caught by the pattern.
		assertThat(leaks).as("texts containing a key, token or signature").isEmpty();
	}

	private static List<String> failure(Runnable call) {
		try {
			call.run();
		}
		catch (ImgwireException ex) {
			List<String> texts = new ArrayList<>();
			for (Throwable current = ex; current != null; current = current.getCause()) {
				texts.add(current.toString());
				for (StackTraceElement frame : current.getStackTrace()) {
					texts.add(frame.toString());
				}
				for (Throwable suppressed : current.getSuppressed()) {
					texts.add(suppressed.toString());
				}
			}
			return texts;
		}
		throw new AssertionError("Expected an ImgwireException");
	}

	/**
	 * Log lines of the client; the emulator, a server, sees the secrets by design.
	 */
	private static List<String> clientSideLines(List<String> lines) {
		return lines.stream()
			.filter((line) -> !line.startsWith("[imgwire-emulator") && !line.contains(" dev.imgwire.emulator."))
			.toList();
	}

	private static String signature(String uploadUrl) {
		int start = uploadUrl.indexOf("signature=");
		assertThat(start).isNotNegative();
		String signature = uploadUrl.substring(start + "signature=".length());
		int end = signature.indexOf('&');
		return (end >= 0) ? signature.substring(0, end) : signature;
	}

	/**
	 * Every key value of every observation, low and high cardinality.
	 */
	static class KeyValueRecorder implements ObservationHandler<Observation.Context> {

		final List<String> keyValues = new CopyOnWriteArrayList<>();

		@Override
		public void onStop(Observation.Context context) {
			for (KeyValue keyValue : context.getAllKeyValues()) {
				this.keyValues.add(keyValue.getKey() + "=" + keyValue.getValue());
			}
			this.keyValues.add(context.getName() + " " + context.getContextualName());
		}

		@Override
		public boolean supportsContext(Observation.Context context) {
			return true;
		}

	}

}
