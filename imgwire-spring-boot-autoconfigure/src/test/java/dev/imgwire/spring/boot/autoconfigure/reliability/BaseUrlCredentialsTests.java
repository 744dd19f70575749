package dev.imgwire.spring.boot.autoconfigure.reliability;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.ArgumentResolver;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;

import dev.imgwire.client.ImgwireClientSettings;
import dev.imgwire.spring.boot.autoconfigure.ImgwireConnectionDetails;
import dev.imgwire.spring.boot.autoconfigure.ImgwireEmulatorExtension;
import dev.imgwire.spring.boot.autoconfigure.InvalidImgwireBaseUrlException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * A base URL that carries user info, a query or a fragment is refused at startup, and the
 * part that may be a credential is printed nowhere: not in the exception, not in the
 * failure analysis, not by the client's settings.
 *
 * @author Imgwire
 */
class BaseUrlCredentialsTests {

	private final ApplicationContextRunner contextRunner = ImgwireEmulatorExtension.contextRunner()
		.withPropertyValues("imgwire.server-key=sk_test_base_url");

	@ParameterizedTest
	@CsvSource({ "https://user:s3cr3t@api.imgwire.example, user info", "http://user:s3cr3t@127.0.0.1:8089, user info",
			"https://s3cr3t@api.imgwire.example/v1, user info", "https://api.imgwire.example/?token=s3cr3t, a query",
			"http://127.0.0.1:8089?s3cr3t, a query", "https://api.imgwire.example/#s3cr3t, a fragment" })
	void aBaseUrlWithACredentialIsRefusedWithAnAnalysisThatNamesThePropertyButNotTheSecret(String baseUrl,
			String part) {
		this.contextRunner.withPropertyValues("imgwire.base-url=" + baseUrl).run((context) -> {
			assertThat(context).getFailure().rootCause().isInstanceOf(InvalidImgwireBaseUrlException.class);
			Throwable failure = context.getStartupFailure();
			assertThat(failure).rootCause()
				.message()
				.contains("imgwire.base-url")
				.contains(part)
				.doesNotContain("s3cr3t");
			FailureAnalysis analysis = analysis(failure);
			assertThat(analysis.getDescription()).contains("'imgwire.base-url'")
				.contains(part)
				.doesNotContain("s3cr3t");
			assertThat(analysis.getAction()).contains("imgwire.base-url").doesNotContain("s3cr3t");
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://user:s3cr3t@api.imgwire.example", "https://api.imgwire.example?key=s3cr3t",
			"https://api.imgwire.example#s3cr3t", "https://api imgwire s3cr3t" })
	void theClientSettingsRefuseSuchABaseUrlWithoutPrintingIt(String baseUrl) {
		assertThatIllegalArgumentException().isThrownBy(() -> ImgwireClientSettings.of(baseUrl, "sk_test"))
			.withMessageStartingWith("base-url: ")
			.withMessageNotContaining("s3cr3t");
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://user:s3cr3t@api.imgwire.example", "https://api.imgwire.example/?s3cr3t" })
	void connectionDetailsOfTheApplicationAreCheckedToo(String baseUrl) {
		this.contextRunner.withBean(ImgwireConnectionDetails.class, () -> new ImgwireConnectionDetails() {

			@Override
			public String getBaseUrl() {
				return baseUrl;
			}

			@Override
			public String getServerKey() {
				return "sk_test_details";
			}

		}).run((context) -> {
			assertThat(context).getFailure().rootCause().isInstanceOf(InvalidImgwireBaseUrlException.class);
			assertThat(analysis(context.getStartupFailure()).getDescription()).doesNotContain("s3cr3t");
		});
	}

	/**
	 * The analysis Boot prints, from the analyzers registered in spring.factories.
	 */
	private static FailureAnalysis analysis(Throwable failure) {
		ArgumentResolver arguments = ArgumentResolver.of(Environment.class, new StandardEnvironment())
			.and(BeanFactory.class, new DefaultListableBeanFactory());
		for (FailureAnalyzer analyzer : SpringFactoriesLoader.forDefaultResourceLocation()
			.load(FailureAnalyzer.class, arguments, FailureHandler.handleMessage((message, ex) -> {
			}))) {
			FailureAnalysis analysis = analyzer.analyze(failure);
			if (analysis != null) {
				return analysis;
			}
		}
		throw new AssertionError("No failure analysis for " + failure.getClass().getName());
	}

}
