package dev.imgwire.client.internal.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The client's version, read from a resource that the build fills in, and the
 * {@code User-Agent} built from it.
 *
 * @author Imgwire
 */
public final class ClientVersion {

	private static final String RESOURCE = "/dev/imgwire/client/imgwire-client.properties";

	private static final String VERSION = load();

	private ClientVersion() {
	}

	/**
	 * The {@code User-Agent} the client sends.
	 * @return {@code imgwire-java/<version>}
	 */
	public static String userAgent() {
		return "imgwire-java/" + VERSION;
	}

	private static String load() {
		try (InputStream stream = ClientVersion.class.getResourceAsStream(RESOURCE)) {
			if (stream != null) {
				Properties properties = new Properties();
				properties.load(stream);
				String version = properties.getProperty("version", "").trim();
				if (!version.isEmpty() && !version.startsWith("@")) {
					return version;
				}
			}
		}
		catch (IOException ex) {
			// Fall through to the manifest.
		}
		String version = ClientVersion.class.getPackage().getImplementationVersion();
		return (version != null) ? version : "unknown";
	}

}
