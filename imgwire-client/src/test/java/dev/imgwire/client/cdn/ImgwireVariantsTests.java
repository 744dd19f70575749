package dev.imgwire.client.cdn;

import java.lang.reflect.Constructor;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link ImgwireVariants}.
 *
 * @author Imgwire
 */
class ImgwireVariantsTests {

	private static final String URL_BUILDER_RULES = "dev.imgwire.client.cdn.TransformationParameter";

	@Test
	void aVariantWithAnInvalidParameterIsRefusedNamingTheVariant() {
		ImageVariant variant = new ImageVariant(null, Map.of("width", "0"), List.of());

		assertThatIllegalArgumentException().isThrownBy(() -> new ImgwireVariants(Map.of("card", variant)))
			.withMessageStartingWith("variant 'card': ");
	}

	@Test
	void noVariantsLeaveTheUrlBuilderUnloadedSoThatStartUpDoesNotPayForIt() throws Exception {
		try (ClientClassesFirst loader = new ClientClassesFirst()) {
			create(loader, Map.of());

			assertThat(loader.loaded(URL_BUILDER_RULES)).isFalse();
		}
	}

	@Test
	void aVariantIsCheckedWithTheUrlBuilder() throws Exception {
		try (ClientClassesFirst loader = new ClientClassesFirst()) {
			create(loader, Map.of("card", List.of(320, 640)));

			assertThat(loader.loaded(URL_BUILDER_RULES)).isTrue();
		}
	}

	/**
	 * Create {@link ImgwireVariants} from the classes of a loader of its own, whose
	 * variants have the given widths.
	 */
	private static void create(ClassLoader loader, Map<String, List<Integer>> widths) throws Exception {
		Class<?> variantType = loader.loadClass(ImageVariant.class.getName());
		Constructor<?> variant = variantType.getConstructor(String.class, Map.class, List.class);
		Map<String, Object> variants = new LinkedHashMap<>();
		for (Map.Entry<String, List<Integer>> entry : widths.entrySet()) {
			variants.put(entry.getKey(), variant.newInstance(null, Map.of(), entry.getValue()));
		}
		loader.loadClass(ImgwireVariants.class.getName()).getConstructor(Map.class).newInstance(variants);
	}

	/**
	 * Loads the client's own classes afresh, so what one test loads is not hidden by what
	 * the JVM loaded for others.
	 */
	private static final class ClientClassesFirst extends URLClassLoader {

		ClientClassesFirst() {
			super(new URL[] { ImgwireVariants.class.getProtectionDomain().getCodeSource().getLocation() },
					ImgwireVariantsTests.class.getClassLoader());
		}

		@Override
		protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
			if (!name.startsWith("dev.imgwire.client.")) {
				return super.loadClass(name, resolve);
			}
			synchronized (getClassLoadingLock(name)) {
				Class<?> type = findLoadedClass(name);
				return (type != null) ? type : findClass(name);
			}
		}

		boolean loaded(String name) {
			return findLoadedClass(name) != null;
		}

	}

}
