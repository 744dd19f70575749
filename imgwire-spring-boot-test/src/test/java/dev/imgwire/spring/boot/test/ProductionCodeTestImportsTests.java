package dev.imgwire.spring.boot.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No production code in the reactor depends on test code: the main source trees of all
 * modules (but this one, whose main code is test support) import no package with a
 * {@code test} segment, such as {@code org.springframework.boot.test} or this module's
 * {@code dev.imgwire.spring.boot.test}, and their main sources and resources do not name
 * this module's package at all.
 *
 * @author Imgwire
 */
class ProductionCodeTestImportsTests {

	private static final String THIS_MODULE = "imgwire-spring-boot-test";

	private static final String TEST_SUPPORT_PACKAGE = "dev.imgwire.spring.boot.test.";

	private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+(?:static\\s+)?([\\w.]+)", Pattern.MULTILINE);

	private static final Pattern TEST_SEGMENT = Pattern.compile("(^|\\.)test\\.");

	@Test
	void productionCodeImportsNoTestPackage() throws IOException {
		Path root = reactorRoot();
		List<Path> sources = mainFiles(root, "java");
		assertThat(sources).as("main Java sources scanned")
			.anyMatch((path) -> path.startsWith(root.resolve("imgwire-client")))
			.anyMatch((path) -> path.startsWith(root.resolve("imgwire-emulator")))
			.anyMatch((path) -> path.startsWith(root.resolve("imgwire-spring-boot-autoconfigure")))
			.anyMatch((path) -> path.startsWith(root.resolve("imgwire-sample-app")));
		List<String> violations = new ArrayList<>();
		for (Path source : sources) {
			for (String imported : testImports(Files.readString(source))) {
				violations.add(root.relativize(source) + ": import " + imported);
			}
		}
		assertThat(violations).as("imports of test packages in production code").isEmpty();
	}

	@Test
	void productionCodeAndResourcesDoNotNameTheTestSupportPackage() throws IOException {
		Path root = reactorRoot();
		List<String> violations = new ArrayList<>();
		for (Path file : mainFiles(root, null)) {
			String content;
			try {
				content = Files.readString(file);
			}
			catch (IOException ex) {
				continue; // not text
			}
			if (content.contains(TEST_SUPPORT_PACKAGE)) {
				violations.add(root.relativize(file).toString());
			}
		}
		assertThat(violations).as("production files naming " + TEST_SUPPORT_PACKAGE).isEmpty();
	}

	@Test
	void detectsImportsOfTestPackages() {
		String source = """
				package dev.imgwire.sample;

				import java.util.List;
				import dev.imgwire.spring.boot.autoconfigure.ImgwireConnectionDetails;
				import dev.imgwire.spring.boot.test.autoconfigure.EmulatorImgwireConnectionDetails;
				import static org.springframework.test.util.ReflectionTestUtils.setField;
				import reactor.test.StepVerifier;
				import dev.imgwire.contest.Latest;
				""";
		assertThat(testImports(source)).containsExactly(
				"dev.imgwire.spring.boot.test.autoconfigure.EmulatorImgwireConnectionDetails",
				"org.springframework.test.util.ReflectionTestUtils.setField", "reactor.test.StepVerifier");
	}

	private static List<String> testImports(String source) {
		List<String> imports = new ArrayList<>();
		Matcher matcher = IMPORT.matcher(source);
		while (matcher.find()) {
			String imported = matcher.group(1);
			if (TEST_SEGMENT.matcher(imported).find()) {
				imports.add(imported);
			}
		}
		return imports;
	}

	/**
	 * The files under {@code src/main} of every module but this one.
	 * @param root the reactor's root directory
	 * @param extension the file name extension to keep, or {@code null} for all files
	 * @return the files
	 */
	private static List<Path> mainFiles(Path root, String extension) throws IOException {
		List<Path> files = new ArrayList<>();
		try (Stream<Path> modules = Files.list(root)) {
			for (Path module : modules.filter((path) -> Files.isRegularFile(path.resolve("pom.xml")))
				.filter((path) -> !path.getFileName().toString().equals(THIS_MODULE))
				.sorted()
				.toList()) {
				Path main = module.resolve("src/main");
				if (!Files.isDirectory(main)) {
					continue;
				}
				try (Stream<Path> walk = Files.walk(main)) {
					walk.filter(Files::isRegularFile)
						.filter((path) -> extension == null || path.getFileName().toString().endsWith("." + extension))
						.forEach(files::add);
				}
			}
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
		return files;
	}

	private static Path reactorRoot() {
		Path root = Path.of("").toAbsolutePath().getParent();
		assertThat(root.resolve(THIS_MODULE).resolve("pom.xml")).as("this module in the reactor's root")
			.isRegularFile();
		return root;
	}

}
