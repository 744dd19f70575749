package dev.imgwire.emulator;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import dev.imgwire.emulator.cdn.CdnCacheStatistics;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CDN's presets and transformation parameters over raw HTTP, read back with ImageIO:
 * what is applied, what is ignored and said so, what is rejected like the real CDN
 * rejects it, and how variants are cached, validated and counted.
 */
class CdnTransformationTests {

	private static final String IGNORED = "X-Imgwire-Emulator-Ignored";

	private static final String UNTRANSFORMED = "X-Imgwire-Emulator-Untransformed";

	private static final String CACHE = "X-Imgwire-Emulator-Cache";

	private static final byte[] PNG_400_300 = SampleImages.png(400, 300);

	private static final byte[] JPEG_400_300 = SampleImages.jpeg(400, 300);

	@RegisterExtension
	final RunningEmulator running = new RunningEmulator();

	@Nested
	class Resizing {

		@Test
		void widthAloneGivesExactlyThatWidthAndAProportionalHeight() {
			HttpResponse<byte[]> response = ok(cdnUrl(PNG_400_300, "image/png") + "?width=100");
			assertThat(response.headers().firstValue("Content-Type")).hasValue("image/png");
			assertThat(size(response)).isEqualTo("100x75");
			assertThat(formatOf(response.body())).isEqualTo("png");
		}

		@Test
		void heightAloneGivesExactlyThatHeightAndAProportionalWidth() {
			assertThat(size(ok(cdnUrl(PNG_400_300, "image/png") + "?h=150"))).isEqualTo("200x150");
		}

		@Test
		void widthAndHeightCoverTheBoxByDefaultCroppingWhatOverflows() {
			String url = cdnUrl(stripedPng(), "image/png");
			BufferedImage cover = image(ok(url + "?width=100&height=100"));
			assertThat(cover.getWidth()).isEqualTo(100);
			assertThat(cover.getHeight()).isEqualTo(100);
			assertThat(isGreen(cover.getRGB(0, 50))).as("the green left edge is cropped away").isFalse();
			assertThat(ok(url + "?width=100&height=100&resizing_type=cover").body())
				.isEqualTo(ok(url + "?width=100&height=100").body());
		}

		@Test
		void fillStretchesToTheBoxIgnoringTheAspectRatio() {
			String url = cdnUrl(stripedPng(), "image/png");
			BufferedImage fill = image(ok(url + "?width=100&height=100&resizing_type=fill"));
			assertThat(fill.getWidth()).isEqualTo(100);
			assertThat(fill.getHeight()).isEqualTo(100);
			assertThat(isGreen(fill.getRGB(2, 50))).as("the whole width is kept, edge included").isTrue();
		}

		@Test
		void containFitsInsideTheBoxAndPadsTransparentlyWhereTheFormatHasAlpha() {
			BufferedImage contain = image(
					ok(cdnUrl(PNG_400_300, "image/png") + "?width=100&height=100&resizing_type=contain"));
			assertThat(contain.getWidth()).isEqualTo(100);
			assertThat(contain.getHeight()).isEqualTo(100);
			assertThat(contain.getRGB(50, 5) >>> 24).as("padding above the image").isZero();
			assertThat(contain.getRGB(50, 50) >>> 24).as("the image").isEqualTo(255);
		}

		@Test
		void containPadsWithWhiteWhereTheFormatHasNoAlpha() {
			BufferedImage contain = image(
					ok(cdnUrl(JPEG_400_300, "image/jpeg") + "?width=100&height=100&resizing_type=contain"));
			assertThat(contain.getWidth()).isEqualTo(100);
			assertThat(contain.getHeight()).isEqualTo(100);
			Color padding = new Color(contain.getRGB(50, 3));
			assertThat(padding.getRed() + padding.getGreen() + padding.getBlue()).isGreaterThan(3 * 245);
		}

		@Test
		void insideFitsInsideTheBoxAndNeverEnlarges() {
			String url = cdnUrl(PNG_400_300, "image/png");
			assertThat(size(ok(url + "?width=200&height=200&resizing_type=inside"))).isEqualTo("200x150");
			assertThat(size(ok(url + "?width=800&height=800&resizing_type=inside"))).isEqualTo("400x300");
			assertThat(size(ok(url + "?width=800&resizing_type=inside"))).isEqualTo("400x300");
		}

		@Test
		void outsideCoversTheBoxWithoutCropping() {
			assertThat(size(ok(cdnUrl(PNG_400_300, "image/png") + "?width=100&height=100&resizing_type=outside")))
				.isEqualTo("133x100");
		}

		@ParameterizedTest
		@CsvSource({ "fit, 400x300", "fill-down, 400x300", "auto, 400x300", "force, 800x800" })
		void legacyResizingTypesMeanTheirCurrentNames(String legacy, String size) {
			assertThat(size(ok(cdnUrl(PNG_400_300, "image/png") + "?width=800&height=800&resizing_type=" + legacy)))
				.isEqualTo(size);
		}

		@Test
		void widthsAboveTheOriginalsEnlargeIt() {
			assertThat(size(ok(cdnUrl(PNG_400_300, "image/png") + "?width=800"))).isEqualTo("800x600");
		}

		@Test
		void dprMultipliesWidthAndHeight() {
			String url = cdnUrl(PNG_400_300, "image/png");
			assertThat(size(ok(url + "?width=100&dpr=2"))).isEqualTo("200x150");
			assertThat(size(ok(url + "?width=50&height=50&dpr=2"))).isEqualTo("100x100");
			assertThat(size(ok(url + "?width=100&dpr=1.5"))).isEqualTo("150x113");
		}

		@Test
		void dprAndResizingTypeWithoutASizeAreIgnoredAndServeTheOriginal() {
			HttpResponse<byte[]> response = ok(cdnUrl(PNG_400_300, "image/png") + "?dpr=2&resizing_type=fill");
			assertThat(response.body()).isEqualTo(PNG_400_300);
			assertThat(response.headers().firstValue(IGNORED)).hasValue("dpr,resizing_type");
		}

	}

	@Nested
	class Presets {

		@ParameterizedTest
		@CsvSource({ "thumbnail, 150x75", "small, 320x160", "medium, 640x320", "large, 1280x640" })
		void eachPresetScalesDownToItsWidth(String preset, String size) {
			String url = cdnUrl(SampleImages.jpeg(2000, 1000), "image/jpeg");
			HttpResponse<byte[]> response = ok(url + "@" + preset);
			assertThat(size(response)).isEqualTo(size);
			assertThat(response.headers().firstValue("Content-Type")).hasValue("image/jpeg");
		}

		@Test
		void presetsNeverEnlarge() {
			assertThat(size(ok(cdnUrl(PNG_400_300, "image/png") + "@large"))).isEqualTo("400x300");
		}

		@Test
		void queryParametersOverrideThePresetsWidthOrAddABox() {
			String url = cdnUrl(SampleImages.jpeg(2000, 1000), "image/jpeg");
			assertThat(size(ok(url + "@thumbnail?width=50"))).isEqualTo("50x25");
			assertThat(size(ok(url + "@thumbnail?height=30"))).as("inside 150 x 30").isEqualTo("60x30");
			assertThat(size(ok(url + "@medium?format=png&dpr=2"))).isEqualTo("1280x640");
		}

		@ParameterizedTest
		@ValueSource(strings = { "huge", "", "Medium", "medium@large", "thumbnail " })
		void anUnknownPresetIsRejected(String preset) {
			HttpResponse<String> response = getString(
					cdnUrl(PNG_400_300, "image/png") + "@" + URLEncoder.encode(preset, StandardCharsets.UTF_8));
			assertInvalid(response, "Unknown preset", "@" + preset);
		}

	}

	@Nested
	class Formats {

		@ParameterizedTest
		@CsvSource({ "jpg, image/jpeg, jpeg", "jpeg, image/jpeg, jpeg", "gif, image/gif, gif", "tiff, image/tiff, tif",
				"png, image/png, png" })
		void formatConvertsTheContentTypeAndTheBytes(String format, String contentType, String readBack) {
			byte[] original = format.equals("png") ? JPEG_400_300 : PNG_400_300;
			String mime = format.equals("png") ? "image/jpeg" : "image/png";
			HttpResponse<byte[]> response = ok(cdnUrl(original, mime) + "?format=" + format);
			assertThat(response.headers().firstValue("Content-Type")).hasValue(contentType);
			assertThat(formatOf(response.body())).isEqualTo(readBack);
			assertThat(size(response)).isEqualTo("400x300");
		}

		@Test
		void formatAliasesAreAccepted() {
			String url = cdnUrl(PNG_400_300, "image/png");
			assertThat(ok(url + "?f=jpg").headers().firstValue("Content-Type")).hasValue("image/jpeg");
			assertThat(ok(url + "?extension=gif").headers().firstValue("Content-Type")).hasValue("image/gif");
		}

		@ParameterizedTest
		@ValueSource(strings = { "webp", "avif", "auto" })
		void formatsImageIoCannotWriteKeepTheOriginalFormatAndSaySo(String format) {
			String url = cdnUrl(PNG_400_300, "image/png");
			HttpResponse<byte[]> resized = ok(url + "?width=100&format=" + format);
			assertThat(resized.headers().firstValue("Content-Type")).hasValue("image/png");
			assertThat(size(resized)).isEqualTo("100x75");
			assertThat(resized.headers().firstValue(IGNORED)).hasValue("format");
			HttpResponse<byte[]> alone = ok(url + "?format=" + format);
			assertThat(alone.body()).isEqualTo(PNG_400_300);
			assertThat(alone.headers().firstValue(IGNORED)).hasValue("format");
		}

		@Test
		void jpegQualityChangesTheSize() {
			String url = cdnUrl(SampleImages.png(600, 400), "image/png");
			int low = ok(url + "?format=jpg&quality=10").body().length;
			int high = ok(url + "?format=jpg&q=95").body().length;
			assertThat(low).isLessThan(high);
			assertThat(ok(url + "?format=jpg&quality=auto").headers().firstValue(IGNORED)).hasValue("quality");
		}

		@Test
		void qualityAloneReencodesAJpeg() {
			HttpResponse<byte[]> response = ok(cdnUrl(JPEG_400_300, "image/jpeg") + "?quality=20");
			assertThat(response.body()).isNotEqualTo(JPEG_400_300);
			assertThat(response.body().length).isLessThan(JPEG_400_300.length);
			assertThat(response.headers().firstValue(IGNORED)).isEmpty();
		}

		@Test
		void qualityOfANonJpegOutputIsIgnored() {
			HttpResponse<byte[]> response = ok(cdnUrl(PNG_400_300, "image/png") + "?quality=50");
			assertThat(response.body()).isEqualTo(PNG_400_300);
			assertThat(response.headers().firstValue(IGNORED)).hasValue("quality");
		}

		@Test
		void aBmpOriginalStaysBmpWhenResized() {
			HttpResponse<byte[]> response = ok(cdnUrl(SampleImages.bmp(40, 20), "image/bmp") + "?width=20");
			assertThat(response.headers().firstValue("Content-Type")).hasValue("image/bmp");
			assertThat(size(response)).isEqualTo("20x10");
		}

		@Test
		void aTransparentPngConvertedToJpegIsFlattenedOntoWhite() {
			BufferedImage transparent = new BufferedImage(10, 10, BufferedImage.TYPE_INT_ARGB);
			BufferedImage jpeg = image(ok(cdnUrl(encode(transparent, "png"), "image/png") + "?format=jpg"));
			Color corner = new Color(jpeg.getRGB(5, 5));
			assertThat(corner.getRed() + corner.getGreen() + corner.getBlue()).isGreaterThan(3 * 245);
		}

		@Test
		void originalsImageIoCannotDecodeAreServedUntransformedAndSaySo() {
			byte[] webp = webp(200, 100);
			HttpResponse<byte[]> response = ok(cdnUrl(webp, "image/webp") + "@thumbnail?format=png&blur=2");
			assertThat(response.body()).isEqualTo(webp);
			assertThat(response.headers().firstValue("Content-Type")).hasValue("image/webp");
			assertThat(response.headers().firstValue(UNTRANSFORMED))
				.hasValue("the emulator does not decode this format");
			assertThat(response.headers().firstValue(IGNORED)).hasValue("blur");
		}

		@Test
		void aCorruptOriginalIsServedUntransformedAndSaysSo() {
			byte[] corrupt = pngHeaderOnly(30, 20);
			HttpResponse<byte[]> response = ok(cdnUrl(corrupt, "image/png") + "?width=10");
			assertThat(response.body()).isEqualTo(corrupt);
			assertThat(response.headers().firstValue(UNTRANSFORMED)).hasValue("the original could not be decoded");
		}

	}

	@Nested
	class Rejections {

		@ParameterizedTest
		@CsvSource({ "w, width", "width, w", "q, quality", "f, extension", "min_width, mw", "wmp, watermark_offset" })
		void twoAliasesOfOneParameterAreRejectedNamingBoth(String first, String second) {
			HttpResponse<String> response = getString(
					cdnUrl(PNG_400_300, "image/png") + "?" + first + "=10&" + second + "=20");
			assertInvalid(response, "Duplicate transformation rule", first + " and " + second);
		}

		@Test
		void aRepeatedParameterIsRejected() {
			HttpResponse<String> response = getString(cdnUrl(PNG_400_300, "image/png") + "?width=10&width=10");
			assertInvalid(response, "Duplicate transformation rule: width", "given 2 times");
		}

		@ParameterizedTest
		@CsvSource(delimiter = '|',
				value = { "width|0", "width|8193", "w|-5", "height|99999999999999999999", "width|1e99", "width|abc",
						"width|12.5", "width|''", "height|' '", "quality|0", "quality|101", "q|best", "dpr|0",
						"dpr|8.01", "dpr|NaN", "dpr|Infinity", "format|bmp", "format|svg", "resizing_type|squash",
						"resizing_algorithm|bilinear", "blur|0.1", "blur|false", "pixelate|1", "dpi|601",
						"brightness|11", "background_alpha|1.5", "enlarge|maybe", "progressive|sometimes",
						"chroma_subsampling|4:2:0", "hue|red", "crop|''" })
		void aValueOutOfItsRuleIsRejectedNamingTheParameterAndTheValue(String name, String value) {
			String query = name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
			HttpResponse<String> response = getString(cdnUrl(PNG_400_300, "image/png") + "?" + query);
			assertInvalid(response, "Invalid transformation: " + name, "\"" + value + "\"");
			assertThat(TestHttp.json(response).get("detail").stringValue()).contains("must be");
		}

		@Test
		void aParameterWithoutValueIsRejected() {
			assertInvalid(getString(cdnUrl(PNG_400_300, "image/png") + "?width"), "width", "is empty");
		}

		@Test
		void anOutputOfMoreThan50MegapixelsIsRejected() {
			HttpResponse<String> response = getString(
					cdnUrl(PNG_400_300, "image/png") + "?width=8192&height=8192&resizing_type=fill");
			assertInvalid(response, "Transformation too large", "8192x8192");
			assertThat(emulator().cdnCache().encodes()).isZero();
		}

		@Test
		void anOriginalOfMoreThan50MegapixelsIsNotDecoded() {
			HttpResponse<String> response = getString(cdnUrl(pngHeaderOnly(8000, 8000), "image/png") + "?width=10");
			assertInvalid(response, "Image too large to transform", "8000x8000");
		}

		@Test
		void anUnknownImageIsStillNotFoundAndABadQueryIsRejectedFirst() {
			String url = cdnUrl(PNG_400_300, "image/png");
			String unknown = url.substring(0, url.lastIndexOf('/') + 1) + "2f1c52f4-8f5e-4b8e-9a43-1a2b3c4d5e6f";
			assertThat(getString(unknown + "?width=10").statusCode()).isEqualTo(404);
			assertThat(getString(unknown + "?width=0").statusCode()).isEqualTo(400);
		}

		@Test
		void oddQueriesNeverFailTheServer() {
			String url = cdnUrl(PNG_400_300, "image/png");
			List<String> names = List.of("width", "h", "dpr", "quality", "format", "resizing_type", "blur", "crop",
					"v");
			List<String> values = List.of("", " ", "-1", "0", "1e309", "9".repeat(40), "0x10", "1,2", "\u0000",
					"\u00e9", "\ud83d\ude00", "a".repeat(3_000), "%", "auto", "true", "1.", ".5", "+3", "8192");
			List<String> failures = new ArrayList<>();
			for (String name : names) {
				for (String value : values) {
					check(getString(url + "?" + name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)),
							name + "=" + value, failures);
				}
			}
			for (String query : List.of("&&&", "=", "=5", "width==5", "width=5&", "w=5;h=5", "width=%20%20",
					"width=5&w", "a=1&a=2", "width=1&height=8192&dpr=8", "height=1&width=8192&dpr=8")) {
				check(getString(url + "?" + query), query, failures);
			}
			assertThat(failures).isEmpty();
		}

		@Test
		void rejectedRequestsAreNotCounted() {
			String url = cdnUrl(PNG_400_300, "image/png");
			getString(url + "?width=0");
			getString(url + "@nope");
			assertThat(emulator().state().usage().cdnRequests()).isZero();
			assertThat(emulator().state().usage().transformations()).isZero();
		}

		private void check(HttpResponse<String> response, String query, List<String> failures) {
			int status = response.statusCode();
			if (status == 200) {
				return;
			}
			if (status < 400 || status >= 500) {
				failures.add(query + " -> " + status);
				return;
			}
			JsonNode body = TestHttp.json(response);
			if (!body.path("detail").isString() || !body.path("error_type").isString()) {
				failures.add(query + " -> " + status + " " + response.body());
			}
		}

	}

	@Nested
	class IgnoredParameters {

		@Test
		void validParametersTheEmulatorDoesNotApplyAreListedByCanonicalName() {
			HttpResponse<byte[]> response = ok(
					cdnUrl(PNG_400_300, "image/png") + "?width=100&bl=5&sharpen=1&sm=true&crop=10:10&mw=5");
			assertThat(size(response)).isEqualTo("100x75");
			assertThat(response.headers().firstValue(IGNORED)).hasValue("blur,crop,min-width,sharpen,strip_metadata");
		}

		@Test
		void appliedParametersAreNotListed() {
			HttpResponse<byte[]> response = ok(
					cdnUrl(PNG_400_300, "image/png") + "?width=100&height=50&dpr=2&resizing_type=fill&format=jpg&q=80");
			assertThat(response.headers().firstValue(IGNORED)).isEmpty();
		}

		@Test
		void queryParametersThatAreNoTransformationAreIgnoredAndNotCounted() {
			HttpResponse<byte[]> response = ok(cdnUrl(PNG_400_300, "image/png") + "?v=3&utm_source=mail");
			assertThat(response.body()).isEqualTo(PNG_400_300);
			assertThat(response.headers().firstValue(IGNORED)).hasValue("utm_source,v");
			assertThat(emulator().state().usage().transformations()).isZero();
		}

	}

	@Nested
	class Caching {

		@Test
		void everyResponseHasAStrongEtagOfItsBytesAndImmutableCacheControl() {
			String url = cdnUrl(PNG_400_300, "image/png");
			for (String suffix : List.of("", "?width=100", "@thumbnail", "?blur=3")) {
				HttpResponse<byte[]> response = ok(url + suffix);
				assertThat(response.headers().firstValue("ETag")).as(suffix)
					.hasValue("\"" + sha256(response.body()) + "\"");
				assertThat(response.headers().firstValue("Cache-Control")).as(suffix)
					.hasValue("public, max-age=31536000, immutable");
			}
		}

		@Test
		void theOriginalsEtagIsTheImagesHash() {
			String id = http().upload("a.png", "image/png", PNG_400_300);
			JsonNode image = http().retrieve(id);
			HttpResponse<byte[]> response = ok(image.get("cdn_url").stringValue());
			String hash = image.get("hash_sha256").stringValue();
			assertThat(response.headers().firstValue("ETag")).hasValue("\"" + hash + "\"");
		}

		@Test
		void ifNoneMatchWithTheEtagIsAnswered304WithoutBody() {
			String url = cdnUrl(PNG_400_300, "image/png");
			for (String suffix : List.of("", "?width=100")) {
				String etag = ok(url + suffix).headers().firstValue("ETag").orElseThrow();
				HttpResponse<byte[]> notModified = get(url + suffix, "If-None-Match", "\"other\", W/" + etag);
				assertThat(notModified.statusCode()).as(suffix).isEqualTo(304);
				assertThat(notModified.body()).isEmpty();
				assertThat(notModified.headers().firstValue("ETag")).hasValue(etag);
				assertThat(notModified.headers().firstValue("Cache-Control"))
					.hasValue("public, max-age=31536000, immutable");
				assertThat(get(url + suffix, "If-None-Match", "\"other\"").statusCode()).isEqualTo(200);
			}
		}

		@Test
		void aRepeatedTransformationIsServedFromTheCacheWithoutEncodingAgain() {
			String url = cdnUrl(PNG_400_300, "image/png");
			HttpResponse<byte[]> first = ok(url + "?width=100&format=gif");
			HttpResponse<byte[]> second = ok(url + "?format=gif&w=100&blur=2");
			assertThat(first.headers().firstValue(CACHE)).hasValue("MISS");
			assertThat(second.headers().firstValue(CACHE)).hasValue("HIT");
			assertThat(second.body()).isEqualTo(first.body());
			CdnCacheStatistics statistics = emulator().cdnCache();
			assertThat(statistics.encodes()).isEqualTo(1);
			assertThat(statistics.hits()).isEqualTo(1);
			assertThat(statistics.misses()).isEqualTo(1);
			assertThat(statistics.entries()).isEqualTo(1);
			assertThat(statistics.bytes()).isEqualTo(first.body().length);
			assertThat(statistics.maxBytes()).isEqualTo(64L * 1024 * 1024);
		}

		@Test
		void theLeastRecentlyUsedVariantsAreEvictedBeyondTheBound() {
			String url = cdnUrl(PNG_400_300, "image/png");
			int a = ok(url + "?width=100").body().length;
			int b = ok(url + "?width=101").body().length;
			int c = ok(url + "?width=102").body().length;
			try (ImgwireEmulator bounded = ImgwireEmulator.builder().cdnCacheBytes(a + b + c - 1).start()) {
				TestHttp boundedHttp = new TestHttp(bounded);
				String boundedUrl = boundedHttp.retrieve(boundedHttp.upload("a.png", "image/png", PNG_400_300))
					.get("cdn_url")
					.stringValue();
				ok(boundedHttp, boundedUrl + "?width=100");
				ok(boundedHttp, boundedUrl + "?width=101");
				assertThat(ok(boundedHttp, boundedUrl + "?width=100").headers().firstValue(CACHE)).hasValue("HIT");
				ok(boundedHttp, boundedUrl + "?width=102");
				CdnCacheStatistics statistics = bounded.cdnCache();
				assertThat(statistics.evictions()).isEqualTo(1);
				assertThat(statistics.entries()).isEqualTo(2);
				assertThat(statistics.bytes()).isEqualTo(a + c).isLessThanOrEqualTo(statistics.maxBytes());
				assertThat(ok(boundedHttp, boundedUrl + "?width=100").headers().firstValue(CACHE)).hasValue("HIT");
				assertThat(ok(boundedHttp, boundedUrl + "?width=101").headers().firstValue(CACHE)).hasValue("MISS");
				assertThat(bounded.cdnCache().encodes()).isEqualTo(4);
			}
		}

		@Test
		void aZeroBoundCachesNothingButStillServes() {
			try (ImgwireEmulator uncached = ImgwireEmulator.builder().cdnCacheBytes(0).start()) {
				TestHttp uncachedHttp = new TestHttp(uncached);
				String url = uncachedHttp.retrieve(uncachedHttp.upload("a.png", "image/png", PNG_400_300))
					.get("cdn_url")
					.stringValue();
				assertThat(size(ok(uncachedHttp, url + "?width=100"))).isEqualTo("100x75");
				assertThat(ok(uncachedHttp, url + "?width=100").headers().firstValue(CACHE)).hasValue("MISS");
				assertThat(uncached.cdnCache().encodes()).isEqualTo(2);
				assertThat(uncached.cdnCache().entries()).isZero();
			}
		}

		@Test
		void deletingAnImageMakesItsVariantsUnreachableAndDropsThem() {
			String deletedId = http().upload("a.png", "image/png", PNG_400_300);
			String deletedUrl = http().retrieve(deletedId).get("cdn_url").stringValue();
			String keptUrl = cdnUrl(SampleImages.png(50, 50), "image/png");
			ok(deletedUrl + "?width=100");
			assertThat(emulator().cdnCache().entries()).isEqualTo(1);
			HttpResponse<String> deleted = http().delete("/api/v1/images/" + deletedId, emulator().serverKey());
			assertThat(deleted.statusCode()).isEqualTo(200);
			assertThat(get(deletedUrl + "?width=100").statusCode()).isEqualTo(404);
			int kept = ok(keptUrl + "?width=10").body().length;
			CdnCacheStatistics statistics = emulator().cdnCache();
			assertThat(statistics.entries()).isEqualTo(1);
			assertThat(statistics.bytes()).isEqualTo(kept);
			assertThat(statistics.evictions()).isEqualTo(1);
		}

		@Test
		void resetForgetsTheCacheAndItsCounters() {
			ok(cdnUrl(PNG_400_300, "image/png") + "?width=100");
			emulator().reset();
			assertThat(emulator().cdnCache()).isEqualTo(new CdnCacheStatistics(0, 0, 0, 0, 0, 0, 64L * 1024 * 1024));
		}

		@Test
		void concurrentTransformationsAllSucceed() throws Exception {
			String url = cdnUrl(SampleImages.jpeg(1200, 900), "image/jpeg");
			List<CompletableFuture<HttpResponse<byte[]>>> responses = new ArrayList<>();
			for (int width = 100; width < 108; width++) {
				responses.add(http().client()
					.sendAsync(http().request(url + "?width=" + width).GET().build(),
							HttpResponse.BodyHandlers.ofByteArray()));
			}
			for (int i = 0; i < responses.size(); i++) {
				HttpResponse<byte[]> response = responses.get(i).get(30, TimeUnit.SECONDS);
				assertThat(response.statusCode()).isEqualTo(200);
				assertThat(image(response).getWidth()).isEqualTo(100 + i);
			}
			assertThat(emulator().cdnCache().encodes()).isEqualTo(8);
		}

	}

	@Nested
	class Metrics {

		@Test
		void deliveriesThatAskForATransformationAreCountedInTheStats() {
			String url = cdnUrl(PNG_400_300, "image/png");
			long sent = 0;
			for (String suffix : List.of("", "?width=100", "?width=100", "@small", "?sharpen=2", "?v=2")) {
				sent += ok(url + suffix).body().length;
			}
			HttpResponse<byte[]> tagged = ok(url + "?width=100");
			sent += tagged.body().length;
			String etag = tagged.headers().firstValue("ETag").orElseThrow();
			assertThat(get(url + "?width=100", "If-None-Match", etag).statusCode()).isEqualTo(304);
			assertThat(getString(url + "?width=0").statusCode()).isEqualTo(400);
			HttpResponse<String> stats = http().get("/api/v1/metrics/stats", emulator().serverKey());
			assertThat(stats.statusCode()).as(stats.body()).isEqualTo(200);
			JsonNode body = TestHttp.json(stats);
			assertThat(body.get("requests").get("value").longValue()).as("a 304 is a delivery, a 400 is not")
				.isEqualTo(8);
			assertThat(body.get("transformations").get("value").longValue())
				.as("all but the original and the cache buster, cache hits and the 304 included")
				.isEqualTo(6);
			assertThat(body.get("transfer_bytes").get("value").longValue()).isEqualTo(sent);
		}

	}

	private TestHttp http() {
		return this.running.http();
	}

	private ImgwireEmulator emulator() {
		return this.running.emulator();
	}

	private String cdnUrl(byte[] bytes, String mimeType) {
		return http().retrieve(http().upload("image", mimeType, bytes)).get("cdn_url").stringValue();
	}

	private HttpResponse<byte[]> ok(String url) {
		return ok(http(), url);
	}

	private static HttpResponse<byte[]> ok(TestHttp http, String url) {
		HttpResponse<byte[]> response = http.getBytes(url);
		assertThat(response.statusCode()).as(() -> url + ": " + new String(response.body(), StandardCharsets.UTF_8))
			.isEqualTo(200);
		return response;
	}

	private HttpResponse<byte[]> get(String url, String... headers) {
		HttpRequest.Builder request = http().request(url).GET();
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		try {
			return http().client().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private HttpResponse<String> getString(String url) {
		return http().send(http().request(url).GET());
	}

	private static void assertInvalid(HttpResponse<String> response, String... detailParts) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		JsonNode body = TestHttp.json(response);
		assertThat(body.propertyNames()).containsExactly("detail", "error_type");
		assertThat(body.get("error_type").stringValue()).isEqualTo("InvalidTransformationError");
		assertThat(body.get("detail").stringValue()).contains(detailParts);
	}

	private static BufferedImage image(HttpResponse<byte[]> response) {
		try {
			BufferedImage image = ImageIO.read(new ByteArrayInputStream(response.body()));
			assertThat(image).as("an image ImageIO reads").isNotNull();
			return image;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String size(HttpResponse<byte[]> response) {
		BufferedImage image = image(response);
		return image.getWidth() + "x" + image.getHeight();
	}

	private static String formatOf(byte[] bytes) {
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
			Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
			assertThat(readers.hasNext()).as("a format ImageIO recognises").isTrue();
			return readers.next().getOriginatingProvider().getFormatNames()[0].toLowerCase();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static boolean isGreen(int rgb) {
		Color color = new Color(rgb);
		return color.getGreen() > 200 && color.getRed() < 60 && color.getBlue() < 60;
	}

	/**
	 * 400 x 300, blue with a green stripe along the left edge, 40 pixels wide.
	 */
	private static byte[] stripedPng() {
		BufferedImage image = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
		for (int x = 0; x < 400; x++) {
			for (int y = 0; y < 300; y++) {
				image.setRGB(x, y, (x < 40) ? 0x00FF00 : 0x0000FF);
			}
		}
		return encode(image, "png");
	}

	private static byte[] encode(BufferedImage image, String format) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			assertThat(ImageIO.write(image, format, out)).isTrue();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/**
	 * A WebP with a valid extended header and no picture: enough for the emulator's
	 * inspection, while ImageIO has no WebP reader at all.
	 */
	private static byte[] webp(int width, int height) {
		ByteBuffer webp = ByteBuffer.allocate(30).order(ByteOrder.LITTLE_ENDIAN);
		webp.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(22).put("WEBP".getBytes(StandardCharsets.US_ASCII));
		webp.put("VP8X".getBytes(StandardCharsets.US_ASCII)).putInt(10).put((byte) 0).put(new byte[3]);
		int w = width - 1;
		int h = height - 1;
		webp.put((byte) w).put((byte) (w >> 8)).put((byte) (w >> 16));
		webp.put((byte) h).put((byte) (h >> 8)).put((byte) (h >> 16));
		return webp.array();
	}

	/**
	 * A PNG signature, header and end, without pixel data: its size can be read but its
	 * pixels cannot be decoded.
	 */
	private static byte[] pngHeaderOnly(int width, int height) {
		ByteBuffer header = ByteBuffer.allocate(13);
		header.putInt(width).putInt(height).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' });
		chunk(out, "IHDR", header.array());
		chunk(out, "IEND", new byte[0]);
		return out.toByteArray();
	}

	private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
		byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
		CRC32 crc = new CRC32();
		crc.update(typeBytes);
		crc.update(data);
		out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
		out.writeBytes(typeBytes);
		out.writeBytes(data);
		out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
