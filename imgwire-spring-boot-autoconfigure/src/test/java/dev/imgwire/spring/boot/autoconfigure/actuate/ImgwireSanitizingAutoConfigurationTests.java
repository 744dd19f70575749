package dev.imgwire.spring.boot.autoconfigure.actuate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.actuate.autoconfigure.context.properties.ConfigurationPropertiesReportEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.env.EnvironmentEndpointAutoConfiguration;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint.ConfigurationPropertiesBeanDescriptor;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.actuate.env.EnvironmentEndpoint.EnvironmentDescriptor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import dev.imgwire.spring.boot.autoconfigure.ImgwireAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The actuator's {@code env} and {@code configprops} endpoints never show the Imgwire
 * keys, even when told to show values.
 *
 * @author Imgwire
 */
class ImgwireSanitizingAutoConfigurationTests {

	private static final String SERVER_KEY = "sk_live_sanitize_me_1";

	private static final String CLIENT_KEY = "ck_live_sanitize_me_2";

	private static final String API_KEY = "sk_live_from_environment_3";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(EndpointAutoConfiguration.class, EnvironmentEndpointAutoConfiguration.class,
						ConfigurationPropertiesReportEndpointAutoConfiguration.class, ImgwireAutoConfiguration.class,
						ImgwireSanitizingAutoConfiguration.class))
		.withInitializer((context) -> context.getEnvironment()
			.getPropertySources()
			.addLast(new MapPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME + "-test",
					Map.of("IMGWIRE_API_KEY", API_KEY, "IMGWIRE_CLIENT_KEY", CLIENT_KEY))))
		.withPropertyValues("management.endpoints.web.exposure.include=env,configprops",
				"management.endpoint.env.show-values=always", "management.endpoint.configprops.show-values=always",
				"imgwire.base-url=http://127.0.0.1:1", "imgwire.server-key=" + SERVER_KEY,
				"imgwire.client-key=" + CLIENT_KEY, "imgwire.environment-id=env-visible");

	@Test
	void envEndpointMasksTheKeysEvenWhenShowingValues() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(ImgwireKeysSanitizingFunction.class);
			EnvironmentDescriptor env = context.getBean(EnvironmentEndpoint.class).environment(null);
			List<String> shown = new ArrayList<>();
			env.getPropertySources()
				.forEach((source) -> source.getProperties()
					.forEach((name, value) -> shown.add(name + "=" + value.getValue())));
			assertThat(shown)
				.contains("imgwire.server-key=******", "imgwire.client-key=******", "IMGWIRE_API_KEY=******",
						"IMGWIRE_CLIENT_KEY=******")
				// Other values are shown, as configured
				.contains("imgwire.environment-id=env-visible", "imgwire.base-url=http://127.0.0.1:1");
			assertThat(String.join("\n", shown)).doesNotContain(SERVER_KEY, CLIENT_KEY, API_KEY);
			assertThat(context.getBean(EnvironmentEndpoint.class).environmentEntry("imgwire.server-key").toString())
				.doesNotContain(SERVER_KEY);
			assertThat(context.getBean(EnvironmentEndpoint.class)
				.environmentEntry("imgwire.server-key")
				.getProperty()
				.getValue()).isEqualTo("******");
		});
	}

	@Test
	void configpropsEndpointMasksTheKeysEvenWhenShowingValues() {
		this.contextRunner.run((context) -> {
			ConfigurationPropertiesBeanDescriptor imgwire = context.getBean(ConfigurationPropertiesReportEndpoint.class)
				.configurationPropertiesWithPrefix("imgwire")
				.getContexts()
				.values()
				.stream()
				.flatMap((descriptor) -> descriptor.getBeans().values().stream())
				.filter((bean) -> bean.getPrefix().equals("imgwire"))
				.findFirst()
				.orElseThrow();
			assertThat(imgwire.getProperties()).containsEntry("serverKey", "******")
				.containsEntry("clientKey", "******")
				.containsEntry("environmentId", "env-visible");
			assertThat(imgwire.getInputs().toString()).doesNotContain(SERVER_KEY, CLIENT_KEY).contains("env-visible");
			assertThat(imgwire.getProperties().toString()).doesNotContain(SERVER_KEY, CLIENT_KEY);
		});
	}

	@Test
	void keysAreMaskedEvenWhenTheClientIsDisabled() {
		this.contextRunner.withPropertyValues("imgwire.enabled=false").run((context) -> {
			EnvironmentDescriptor env = context.getBean(EnvironmentEndpoint.class).environment("imgwire.*");
			assertThat(env.toString()).doesNotContain(SERVER_KEY);
			assertThat(context.getBean(EnvironmentEndpoint.class)
				.environmentEntry("imgwire.server-key")
				.getProperty()
				.getValue()).isEqualTo("******");
		});
	}

	@Test
	void backsOffWithoutActuator() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(SanitizingFunction.class))
			.run((context) -> assertThat(context).doesNotHaveBean(ImgwireKeysSanitizingFunction.class));
	}

	@Test
	void backsOffWhenUserDefinesImgwireKeysSanitizingFunctionBean() {
		SanitizingFunction userFunction = (data) -> data;
		this.contextRunner.withBean("imgwireKeysSanitizingFunction", SanitizingFunction.class, () -> userFunction)
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(ImgwireKeysSanitizingFunction.class);
				assertThat(context.getBean("imgwireKeysSanitizingFunction")).isSameAs(userFunction);
			});
	}

	@ParameterizedTest
	@ValueSource(strings = { "imgwire.server-key", "imgwire.serverKey", "imgwire.server_key", "IMGWIRE_SERVER_KEY",
			"imgwire.client-key", "imgwire.clientKey", "IMGWIRE_CLIENT_KEY", "IMGWIRE_API_KEY", "imgwire_api_key" })
	void masksEveryFormOfTheKeys(String key) {
		assertThat(new ImgwireKeysSanitizingFunction().apply(new SanitizableData(null, key, "secret")).getValue())
			.isEqualTo(SanitizableData.SANITIZED_VALUE);
	}

	@ParameterizedTest
	@ValueSource(strings = { "imgwire.base-url", "imgwire.environment-id", "imgwire.retry.max-retries",
			"spring.application.name", "other.server-key" })
	void leavesOtherPropertiesAlone(String key) {
		assertThat(new ImgwireKeysSanitizingFunction().apply(new SanitizableData(null, key, "value")).getValue())
			.isEqualTo("value");
	}

}
