package dev.imgwire.sample.cors;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Whether the browser origins of this app are allowed to upload to Imgwire.
 *
 * @param registerOrigin whether to add a missing origin to the environment's CORS origins
 * at startup; off by default with real keys, where the dashboard is the usual place, and
 * always on with the embedded emulator
 * @param origins the origins browsers load this app from, such as
 * {@code https://app.example.com}; empty for {@code http://localhost:<port>} and
 * {@code http://127.0.0.1:<port>}
 * @author Imgwire
 */
@ConfigurationProperties("sample.cors")
public record CorsOriginProperties(@DefaultValue("false") boolean registerOrigin, @DefaultValue List<String> origins) {

}
