package dev.imgwire.sample;

import java.io.IOException;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.aot.AotDetector;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.ConfigurationPropertiesBean;
import org.springframework.boot.context.properties.bind.BindConstructorProvider;
import org.springframework.context.ApplicationContext;
import org.springframework.core.ResolvableType;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.classreading.CachingMetadataReaderFactory;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.util.ClassUtils;

import dev.imgwire.client.metrics.MetricsStats;
import dev.imgwire.client.model.Image;
import dev.imgwire.sample.ratelimit.RateLimitProperties;
import dev.imgwire.spring.boot.autoconfigure.ImgwireProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On the JVM a missing hint goes unnoticed: reflection and resources work with or without
 * it. A native image fails at run time instead. This test reads the reachability metadata
 * that {@code process-aot} (what {@code -Pnative} compiles) and {@code process-test-aot}
 * generated, and fails the build when it leaves out a member that Jackson or
 * configuration-property binding needs, or a resource:
 * <ul>
 * <li>every type of the client that Jackson reads or writes: each class under
 * {@code dev.imgwire.client} carrying a Jackson annotation, and the Imgwire types of its
 * record components, found by scanning the classpath, so a new record is checked without
 * listing it here;</li>
 * <li>every {@code @ConfigurationProperties} bean of Imgwire and of the sample in the
 * running (AOT-generated) context, with its nested types;</li>
 * <li>every resource of the client (each file under {@code dev/imgwire/client} that is no
 * class), which a native image leaves out unless a hint includes it.</li>
 * </ul>
 * It runs in the build's {@code aot-tests} execution only.
 *
 * @author Imgwire
 */
@SampleAppAotTest
class RuntimeHintsCoverageAotTests {

	private static final String METADATA = "reachability-metadata.json";

	private static final String CLIENT_PACKAGE = "dev/imgwire/client/";

	@Autowired
	private ApplicationContext context;

	@BeforeEach
	void runsInTheAotGeneratedContext() {
		assertThat(AotDetector.useGeneratedArtifacts()).as("spring.aot.enabled").isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "main", "test" })
	void everyJsonTypeOfTheClientHasTheHintsJacksonNeeds(String aotOutput) throws IOException {
		Set<Class<?>> jsonTypes = clientJsonTypes();
		assertThat(jsonTypes).as("the scan finds the client's JSON types")
			.contains(Image.class, MetricsStats.Value.class);

		Hints hints = Hints.load(aotOutput);
		List<String> missing = new ArrayList<>();
		for (Class<?> type : jsonTypes) {
			missing.addAll(hints.missingForJackson(type));
		}

		assertThat(missing).as("Jackson hints missing from %s", hints.file).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "main", "test" })
	void everyConfigurationPropertiesTypeHasTheHintsBindingNeeds(String aotOutput) throws IOException {
		Set<Class<?>> propertiesTypes = new LinkedHashSet<>();
		for (ConfigurationPropertiesBean bean : ConfigurationPropertiesBean.getAll(this.context).values()) {
			Class<?> type = ClassUtils.getUserClass(bean.getInstance());
			if (isImgwireType(type)) {
				propertiesTypes.add(type);
			}
		}
		assertThat(propertiesTypes).as("the context's Imgwire @ConfigurationProperties beans")
			.contains(ImgwireProperties.class, RateLimitProperties.class);

		Hints hints = Hints.load(aotOutput);
		List<String> missing = new ArrayList<>();
		Set<Class<?>> seen = new LinkedHashSet<>();
		for (Class<?> type : propertiesTypes) {
			missing.addAll(hints.missingForBinding(type, false, seen));
		}

		assertThat(missing).as("configuration-property binding hints missing from %s", hints.file).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "main", "test" })
	void everyResourceOfTheClientIsIncluded(String aotOutput) throws IOException {
		Set<String> resources = new TreeSet<>();
		for (Resource resource : new PathMatchingResourcePatternResolver()
			.getResources("classpath*:" + CLIENT_PACKAGE + "**/*")) {
			String url = resource.getURL().toString();
			if (resource.isReadable() && !url.endsWith(".class")) {
				resources.add(url.substring(url.lastIndexOf(CLIENT_PACKAGE)));
			}
		}
		assertThat(resources).as("the scan finds the client's resources")
			.contains(CLIENT_PACKAGE + "imgwire-client.properties");

		Hints hints = Hints.load(aotOutput);
		List<String> missing = resources.stream().filter((resource) -> !hints.includesResource(resource)).toList();

		assertThat(missing).as("resources missing from %s", hints.file).isEmpty();
	}

	/**
	 * The client's classes that carry a Jackson annotation, with the Imgwire types their
	 * record components use.
	 * @return the types Jackson reads or writes
	 */
	private static Set<Class<?>> clientJsonTypes() throws IOException {
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
		MetadataReaderFactory readers = new CachingMetadataReaderFactory(resolver);
		Set<Class<?>> annotated = new LinkedHashSet<>();
		for (Resource resource : resolver.getResources("classpath*:" + CLIENT_PACKAGE + "**/*.class")) {
			String name = readers.getMetadataReader(resource).getClassMetadata().getClassName();
			Class<?> type = ClassUtils.resolveClassName(name, RuntimeHintsCoverageAotTests.class.getClassLoader());
			if (hasJacksonAnnotation(type)) {
				annotated.add(type);
			}
		}
		Set<Class<?>> types = new LinkedHashSet<>();
		Deque<Class<?>> queue = new ArrayDeque<>(annotated);
		while (!queue.isEmpty()) {
			Class<?> type = queue.poll();
			if (types.add(type) && type.isRecord()) {
				for (RecordComponent component : type.getRecordComponents()) {
					imgwireTypes(ResolvableType.forType(component.getGenericType())).forEach(queue::add);
				}
			}
		}
		return types;
	}

	private static boolean hasJacksonAnnotation(Class<?> type) {
		return Stream
			.of(Stream.<AnnotatedElement>of(type), Arrays.stream(type.getDeclaredFields()),
					Arrays.stream(type.getDeclaredMethods()), Arrays.stream(type.getDeclaredConstructors()),
					Arrays.stream(type.getDeclaredConstructors()).flatMap((c) -> Arrays.stream(c.getParameters())))
			.flatMap((elements) -> elements)
			.anyMatch(RuntimeHintsCoverageAotTests::hasJacksonAnnotation);
	}

	private static boolean hasJacksonAnnotation(AnnotatedElement element) {
		return Arrays.stream(element.getDeclaredAnnotations())
			.map((annotation) -> annotation.annotationType().getName())
			.anyMatch((name) -> name.startsWith("com.fasterxml.jackson.annotation.")
					|| name.startsWith("tools.jackson."));
	}

	/**
	 * The Imgwire classes in a type and its generics, for example {@code Variant} in
	 * {@code Map<String, Variant>}.
	 */
	private static Set<Class<?>> imgwireTypes(ResolvableType type) {
		Set<Class<?>> types = new LinkedHashSet<>();
		Class<?> resolved = type.isArray() ? type.getComponentType().resolve() : type.resolve();
		if (resolved != null && isImgwireType(resolved)) {
			types.add(resolved);
		}
		for (ResolvableType generic : type.getGenerics()) {
			types.addAll(imgwireTypes(generic));
		}
		return types;
	}

	private static boolean isImgwireType(Class<?> type) {
		return type.getName().startsWith("dev.imgwire.");
	}

	/**
	 * The reflection hints of one generated reachability-metadata file, merged per type.
	 */
	private static final class Hints {

		private final Path file;

		private final Map<String, List<JsonNode>> entries;

		private final List<Pattern> resourceGlobs;

		private Hints(Path file, Map<String, List<JsonNode>> entries, List<Pattern> resourceGlobs) {
			this.file = file;
			this.entries = entries;
			this.resourceGlobs = resourceGlobs;
		}

		static Hints load(String aotOutput) throws IOException {
			String root = System.getProperty("imgwire.aot.output");
			assertThat(root).as("imgwire.aot.output: these tests run in the build's aot-tests execution").isNotNull();
			Path dir = Path.of(root, aotOutput, "resources", "META-INF", "native-image");
			List<Path> files;
			try (Stream<Path> walk = Files.walk(dir)) {
				files = walk.filter((path) -> path.getFileName().toString().equals(METADATA)).toList();
			}
			assertThat(files)
				.as("the %s that process-%saot wrote under %s", METADATA, aotOutput.equals("test") ? "test-" : "", dir)
				.hasSize(1);
			Path file = files.get(0);
			JsonNode metadata = JsonMapper.builder().build().readTree(file.toFile());
			Map<String, List<JsonNode>> entries = new HashMap<>();
			for (JsonNode entry : metadata.path("reflection")) {
				if (entry.path("type").isString()) {
					entries.computeIfAbsent(entry.path("type").asString(), (key) -> new ArrayList<>()).add(entry);
				}
			}
			List<Pattern> resourceGlobs = metadata.path("resources")
				.valueStream()
				.filter((entry) -> entry.path("glob").isString())
				.map((entry) -> globPattern(entry.path("glob").asString()))
				.toList();
			return new Hints(file, entries, resourceGlobs);
		}

		/**
		 * A GraalVM resource glob: {@code **} matches across directories, {@code *}
		 * within one.
		 */
		private static Pattern globPattern(String glob) {
			StringBuilder regex = new StringBuilder();
			for (String part : glob.split("\\*\\*", -1)) {
				if (!regex.isEmpty()) {
					regex.append(".*");
				}
				regex.append(
						Arrays.stream(part.split("\\*", -1)).map(Pattern::quote).collect(Collectors.joining("[^/]*")));
			}
			return Pattern.compile(regex.toString());
		}

		boolean includesResource(String path) {
			return this.resourceGlobs.stream().anyMatch((glob) -> glob.matcher(path).matches());
		}

		List<String> missingForJackson(Class<?> type) {
			List<String> missing = new ArrayList<>();
			if (!registered(type, missing)) {
				return missing;
			}
			if (type.isRecord()) {
				Class<?>[] parameters = Arrays.stream(type.getRecordComponents())
					.map(RecordComponent::getType)
					.toArray(Class<?>[]::new);
				requireInvocable(type, constructor(type, parameters), missing);
				for (RecordComponent component : type.getRecordComponents()) {
					requireInvocable(type, component.getAccessor(), missing);
					// Jackson finds the component's annotations on its field.
					requireField(type, field(type, component.getName()), missing);
				}
			}
			else if (type.isEnum()) {
				for (Field field : type.getDeclaredFields()) {
					if (field.isEnumConstant()) {
						requireField(type, field, missing);
					}
				}
				for (Method method : type.getDeclaredMethods()) {
					if (hasJacksonAnnotation(method)) {
						requireInvocable(type, method, missing);
					}
				}
			}
			else if (!type.isInterface() && !type.isAnnotation()) {
				missing.add(type.getName() + ": neither a record nor an enum; extend this check for its shape");
			}
			return missing;
		}

		List<String> missingForBinding(Class<?> type, boolean nested, Set<Class<?>> seen) {
			List<String> missing = new ArrayList<>();
			if (type.isEnum() || !seen.add(type) || !registered(type, missing)) {
				return missing;
			}
			Set<Class<?>> nestedTypes = new LinkedHashSet<>();
			Constructor<?> bindConstructor = BindConstructorProvider.DEFAULT.getBindConstructor(type, nested);
			if (bindConstructor != null) {
				requireInvocable(type, bindConstructor, missing);
				for (int i = 0; i < bindConstructor.getParameterCount(); i++) {
					nestedTypes.addAll(imgwireTypes(ResolvableType.forConstructorParameter(bindConstructor, i)));
				}
			}
			else {
				requireInvocable(type, constructor(type), missing);
				for (var property : BeanUtils.getPropertyDescriptors(type)) {
					Method getter = property.getReadMethod();
					if (getter == null || getter.getDeclaringClass() == Object.class) {
						continue;
					}
					requireInvocable(type, getter, missing);
					if (property.getWriteMethod() != null) {
						requireInvocable(type, property.getWriteMethod(), missing);
					}
					Field field = field(type, property.getName());
					if (field != null) {
						// The binder reads the property's annotations from its field.
						requireField(type, field, missing);
					}
					nestedTypes.addAll(imgwireTypes(ResolvableType.forMethodReturnType(getter)));
				}
			}
			for (Class<?> nestedType : nestedTypes) {
				missing.addAll(missingForBinding(nestedType, true, seen));
			}
			return missing;
		}

		private boolean registered(Class<?> type, List<String> missing) {
			if (this.entries.containsKey(type.getName())) {
				return true;
			}
			missing.add(type.getName() + ": no reflection hint");
			return false;
		}

		private void requireInvocable(Class<?> type, Executable executable, List<String> missing) {
			boolean isPublic = Modifier.isPublic(executable.getModifiers());
			String name = (executable instanceof Constructor) ? "<init>" : executable.getName();
			List<String> parameters = Arrays.stream(executable.getParameterTypes()).map(Class::getTypeName).toList();
			boolean all = (executable instanceof Constructor)
					? flag(type, "allDeclaredConstructors") || (isPublic && flag(type, "allPublicConstructors"))
					: flag(type, "allDeclaredMethods") || (isPublic && flag(type, "allPublicMethods"));
			boolean listed = members(type, "methods").anyMatch((method) -> name.equals(method.path("name").asString())
					&& parameters.equals(method.path("parameterTypes").valueStream().map(JsonNode::asString).toList()));
			if (!all && !listed) {
				missing.add(type.getName() + ": " + name + parameters + " not invocable");
			}
		}

		private void requireField(Class<?> type, Field field, List<String> missing) {
			boolean all = flag(type, "allDeclaredFields")
					|| (Modifier.isPublic(field.getModifiers()) && flag(type, "allPublicFields"));
			if (!all && members(type, "fields").noneMatch((f) -> field.getName().equals(f.path("name").asString()))) {
				missing.add(type.getName() + ": field " + field.getName() + " not accessible");
			}
		}

		private boolean flag(Class<?> type, String name) {
			return this.entries.get(type.getName()).stream().anyMatch((entry) -> entry.path(name).asBoolean());
		}

		private Stream<JsonNode> members(Class<?> type, String kind) {
			return this.entries.get(type.getName()).stream().flatMap((entry) -> entry.path(kind).valueStream());
		}

		private static Constructor<?> constructor(Class<?> type, Class<?>... parameters) {
			try {
				return type.getDeclaredConstructor(parameters);
			}
			catch (NoSuchMethodException ex) {
				throw new IllegalStateException(type.getName() + " has no such constructor", ex);
			}
		}

		private static Field field(Class<?> type, String name) {
			try {
				return type.getDeclaredField(name);
			}
			catch (NoSuchFieldException ex) {
				return null;
			}
		}

	}

}
