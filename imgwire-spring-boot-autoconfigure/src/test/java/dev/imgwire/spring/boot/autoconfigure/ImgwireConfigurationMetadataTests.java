package dev.imgwire.spring.boot.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the generated {@code META-INF/spring-configuration-metadata.json} of this module
 * and that the root README documents every property.
 *
 * @author Imgwire
 */
class ImgwireConfigurationMetadataTests {

	private static final String README_HEADING = "## Using the starter";

	@Test
	void shouldDescribeEveryPropertyInBootStyle() {
		List<JsonNode> properties = imgwireProperties();
		assertThat(properties).extracting((property) -> property.path("name").asString())
			.containsExactlyInAnyOrder("imgwire.enabled", "imgwire.base-url", "imgwire.server-key",
					"imgwire.client-key", "imgwire.environment-id", "imgwire.connect-timeout",
					"imgwire.response-timeout", "imgwire.upload-timeout", "imgwire.block-timeout",
					"imgwire.allow-insecure-http", "imgwire.retry.enabled", "imgwire.retry.max-retries",
					"imgwire.retry.initial-delay", "imgwire.retry.max-delay", "imgwire.retry.jitter",
					"imgwire.upload.await-ready", "imgwire.upload.ready-timeout", "imgwire.upload.poll-interval",
					"imgwire.upload.spool.directory", "imgwire.upload.spool.max-size", "imgwire.observations.enabled",
					"imgwire.variants", "management.health.imgwire.enabled", "management.health.imgwire.timeout");
		for (JsonNode property : properties) {
			String name = property.path("name").asString();
			String description = property.path("description").asString();
			assertThat(description).as(name).isNotBlank().endsWith(".").doesNotStartWith("The ").doesNotStartWith("A ");
			if ("java.lang.Boolean".equals(property.path("type").asString())) {
				assertThat(description).as(name).startsWith("Whether");
			}
		}
	}

	@Test
	void shouldDocumentDefaults() {
		List<JsonNode> properties = imgwireProperties();
		assertThat(defaultOf(properties, "imgwire.base-url")).isEqualTo("https://api.imgwire.dev");
		assertThat(defaultOf(properties, "imgwire.connect-timeout")).isEqualTo("10s");
		assertThat(defaultOf(properties, "imgwire.response-timeout")).isEqualTo("30s");
		assertThat(defaultOf(properties, "imgwire.upload-timeout")).isEqualTo("10m");
		// Derived from the client's timeouts and retries unless set
		assertThat(defaultOf(properties, "imgwire.block-timeout")).isEqualTo("<none>");
		assertThat(defaultOf(properties, "imgwire.retry.max-retries")).isEqualTo("2");
		assertThat(defaultOf(properties, "imgwire.retry.initial-delay")).isEqualTo("500ms");
		assertThat(defaultOf(properties, "imgwire.upload.spool.directory")).isEqualTo("<none>");
		assertThat(defaultOf(properties, "imgwire.upload.spool.max-size")).isEqualTo("1GB");
		assertThat(defaultOf(properties, "management.health.imgwire.enabled")).isEqualTo("false");
		assertThat(defaultOf(properties, "management.health.imgwire.timeout")).isEqualTo("3s");
	}

	@Test
	void shouldListEveryPropertyInTheReadme() throws IOException {
		Path readme = Path.of(System.getProperty("user.dir")).resolve("../README.md").normalize();
		assertThat(readme).as("root README").isRegularFile();
		String text = Files.readString(readme);
		assertThat(text).as("root README").contains(README_HEADING);
		assertThat(imgwireProperties()).extracting((property) -> property.path("name").asString())
			.allSatisfy((name) -> assertThat(text).as("README mentions " + name).contains(name));
	}

	private static String defaultOf(List<JsonNode> properties, String name) {
		return properties.stream()
			.filter((property) -> name.equals(property.path("name").asString()))
			.findFirst()
			.map((property) -> property.path("defaultValue"))
			.map((value) -> value.isMissingNode() ? "<none>" : value.asString())
			.orElse("<none>");
	}

	static List<JsonNode> imgwireProperties() {
		JsonMapper mapper = JsonMapper.builder().build();
		List<JsonNode> properties = new ArrayList<>();
		try {
			for (URL url : Collections.list(ImgwireConfigurationMetadataTests.class.getClassLoader()
				.getResources("META-INF/spring-configuration-metadata.json"))) {
				try (InputStream stream = url.openStream()) {
					for (JsonNode property : mapper.readTree(stream).path("properties")) {
						if (property.path("sourceType").asString().startsWith("dev.imgwire.")) {
							properties.add(property);
						}
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		assertThat(properties).as("Imgwire configuration metadata").isNotEmpty();
		return properties;
	}

}
