package dev.imgwire.emulator;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile and odd input on the CORS origin, custom domain and metrics routes: every
 * answer is a success or a JSON 4xx in one of the documented shapes, never a 500.
 */
class ResourceRobustnessTests {

	private static final List<String> ODD_STRINGS = List.of("", " ", "null", "*", "%", "%00", "\u0000", "\u00e9\u00e8",
			"\ud83d\ude00", "a".repeat(2_000), "../../etc/passwd", "<script>", "9".repeat(40), "-1", "1e309",
			"2026-02-30T00:00:00Z", "+999999999-01-01T00:00:00Z", "2026-05-04T10:00:00+25:00", "T", "Z");

	private static final List<String> ODD_BODIES = List.of("", "null", "[]", "42", "\"text\"", "{", "{}",
			"{\"pattern\":{}}", "{\"pattern\":[\"a\"]}", "{\"hostname\":[]}", "{\"hostname\":null}",
			"{\"pattern\":\"" + "*".repeat(5_000) + "\"}", "{\"hostname\":\"" + "a.".repeat(200) + "com\"}");

	@RegisterExtension
	final RunningEmulator running = new RunningEmulator();

	@Test
	void oddQueryValuesOnMetricsNeverFailTheServer() {
		List<String> failures = new ArrayList<>();
		for (String path : List.of("/api/v1/metrics/datasets", "/api/v1/metrics/stats")) {
			for (String parameter : List.of("interval", "tz", "date_start", "date_end")) {
				for (String value : ODD_STRINGS) {
					check(get(path + "?" + parameter + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)),
							failures);
				}
			}
			for (String interval : List.of("HOURLY", "DAILY", "WEEKLY", "MONTHLY")) {
				check(get(path + "?interval=" + interval
						+ "&date_start=0001-01-01T00:00:00Z&date_end=0001-01-01T00:00:00Z"), failures);
				check(get(path + "?interval=" + interval
						+ "&date_start=9999-12-31T23:59:59Z&date_end=9999-12-31T23:59:59Z"), failures);
				check(get(path + "?interval=" + interval + "&tz=Pacific/Kiritimati&date_start=0001-01-01T00:00:00"),
						failures);
			}
		}
		assertThat(failures).isEmpty();
	}

	@Test
	void oddBodiesAndIdsOnCorsOriginsAndCustomDomainNeverFailTheServer() {
		List<String> failures = new ArrayList<>();
		String key = this.running.emulator().serverKey();
		for (String body : ODD_BODIES) {
			check(this.running.http().postJson("/api/v1/cors_origins/", key, body), failures);
			check(this.running.http().postJson("/api/v1/custom_domain/", key, body), failures);
			check(this.running.http().patchJson("/api/v1/cors_origins/2f1c52f4-8f5e-4b8e-9a43-1a2b3c4d5e6f", key, body),
					failures);
			check(this.running.http().postJson("/api/v1/custom_domain/test_connection", key, body), failures);
		}
		for (String id : ODD_STRINGS) {
			String path = "/api/v1/cors_origins/" + URLEncoder.encode(id, StandardCharsets.UTF_8);
			check(this.running.http().get(path, key), failures);
			check(this.running.http().delete(path, key), failures);
		}
		for (String page : ODD_STRINGS) {
			check(get("/api/v1/cors_origins/?page=" + URLEncoder.encode(page, StandardCharsets.UTF_8) + "&limit="
					+ URLEncoder.encode(page, StandardCharsets.UTF_8)), failures);
		}
		assertThat(failures).isEmpty();
	}

	private HttpResponse<String> get(String path) {
		return this.running.http().send(this.running.http().request(path, this.running.emulator().serverKey()).GET());
	}

	private static String abbreviate(String text) {
		return (text.length() > 300) ? text.substring(0, 300) + "..." : text;
	}

	private static void check(HttpResponse<String> response, List<String> failures) {
		String uri = response.uri().toString();
		String request = response.request().method() + " "
				+ ((uri.length() > 200) ? uri.substring(0, 200) + "..." : uri);
		int status = response.statusCode();
		if (status >= 500) {
			failures.add(request + " -> " + status + " " + abbreviate(response.body()));
			return;
		}
		if (status >= 400 && status != 404 && status != 405) {
			JsonNode body = TestHttp.json(response);
			JsonNode detail = body.get("detail");
			boolean validation = status == 422 && detail != null && detail.isArray() && !detail.isEmpty()
					&& detail.get(0).has("loc") && detail.get(0).has("msg") && detail.get(0).has("type");
			boolean domain = detail != null && detail.isString() && body.has("error_type");
			if (!validation && !domain) {
				failures.add(request + " -> " + status + " in no documented shape: " + abbreviate(response.body()));
			}
		}
		if (status == 404 || status == 405) {
			assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		}
	}

}
