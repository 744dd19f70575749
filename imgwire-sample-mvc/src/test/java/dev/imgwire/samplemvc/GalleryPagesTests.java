package dev.imgwire.samplemvc;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.imgwire.emulator.ImgwireEmulator;
import dev.imgwire.emulator.SampleImages;
import dev.imgwire.emulator.state.EmulatedImage;
import dev.imgwire.samplemvc.support.MvcAppClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages over real HTTP, as a browser without script uses them: log in, upload through
 * the multipart form, see the image in the gallery, delete it; and every way an upload
 * can go wrong ends in a message on the gallery, never an error page.
 *
 * @author Imgwire
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "sample.security.password=pages-test-password", "sample.emulator.processing-delay=0ms",
				"sample.gallery.page-size=2", "spring.servlet.multipart.max-file-size=1MB",
				"spring.servlet.multipart.max-request-size=2MB" })
class GalleryPagesTests {

	private static final Pattern IMAGE_ID = Pattern.compile("data-image-id=\"([0-9a-f-]{36})\"");

	@LocalServerPort
	private int port;

	@Autowired
	private ImgwireEmulator emulator;

	@BeforeEach
	void emptyGallery() {
		this.emulator.reset();
	}

	@Test
	void unauthenticatedRequestsAreRedirectedToTheLoginPage() {
		MvcAppClient anonymous = new MvcAppClient(this.port);

		for (String path : List.of("/", "/?page=2")) {
			HttpResponse<String> response = anonymous.get(path);
			assertThat(response.statusCode()).as(path).isEqualTo(302);
			assertThat(anonymous.location(response)).as(path).isEqualTo("/login");
		}
		HttpResponse<String> login = anonymous.get("/login");
		assertThat(login.statusCode()).isEqualTo(200);
		assertThat(login.body()).contains("id=\"login-form\"").contains("name=\"_csrf\"");
		assertThat(this.emulator.state().totalRequests()).as("calls to Imgwire").isZero();
	}

	@Test
	void theLoginPagesStyleSheetsNeedNoLogin() {
		MvcAppClient anonymous = new MvcAppClient(this.port);

		// The samples' shared one, from imgwire-samples-support, and this app's own.
		for (String path : List.of("/css/samples.css", "/css/app.css")) {
			HttpResponse<String> response = anonymous.get(path);
			assertThat(response.statusCode()).as(path).isEqualTo(200);
			assertThat(response.headers().firstValue("Content-Type")).as(path)
				.hasValueSatisfying((type) -> assertThat(type).startsWith("text/css"));
		}
	}

	@Test
	void aWrongPasswordLeadsBackToTheLoginPageWithAMessage() {
		MvcAppClient client = new MvcAppClient(this.port);

		HttpResponse<String> response = client.submitLogin("demo", "not-the-password");

		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(client.location(response)).isEqualTo("/login?error");
		assertThat(client.get("/login?error").body()).contains("Wrong user name or password.");
		assertThat(client.get("/").statusCode()).isEqualTo(302);
	}

	@Test
	void userUploadsAPngThroughTheFormSeesItInTheGalleryAndDeletesIt() {
		MvcAppClient user = user();

		HttpResponse<String> upload = user.upload("sunset.png", "image/png", SampleImages.png(480, 320));

		assertThat(upload.statusCode()).isEqualTo(302);
		assertThat(user.location(upload)).isEqualTo("/");
		String gallery = user.gallery();
		assertThat(gallery).contains("Uploaded “sunset.png”.");
		String imageId = imageIds(gallery).get(0);
		EmulatedImage stored = this.emulator.state().image(UUID.fromString(imageId)).orElseThrow();
		assertThat(stored.originalFilename()).isEqualTo("sunset.png");
		assertThat(stored.status()).isEqualTo("READY");
		assertThat(gallery).contains("class=\"thumbnail\"")
			.containsPattern("src=\"http://127\\.0\\.0\\.1:\\d+/cdn/[^\"]+/" + imageId + "\\?[^\"]*width=240[^\"]*\"")
			.containsPattern("srcset=\"[^\"]+ 1x, [^\"]+dpr=2[^\"]* 2x")
			.contains("class=\"original-link\" href=\"" + this.emulator.baseUrl() + "/cdn/");

		HttpResponse<String> delete = user.postWithCsrf("/images/" + imageId + "/delete", "page=1");

		assertThat(delete.statusCode()).isEqualTo(302);
		assertThat(user.location(delete)).isEqualTo("/?page=1");
		String afterDelete = user.gallery("/?page=1");
		assertThat(afterDelete).contains("Deleted “sunset.png”.").contains("No images yet");
		assertThat(imageIds(afterDelete)).isEmpty();
		assertThat(this.emulator.state().images()).isEmpty();
	}

	@Test
	void uploadOfAFileThatIsNoImageShowsAFriendlyMessage() {
		MvcAppClient user = user();

		HttpResponse<String> upload = user.upload("notes.txt", "text/plain",
				"not an image".getBytes(StandardCharsets.UTF_8));

		assertThat(upload.statusCode()).isEqualTo(302);
		String gallery = user.gallery();
		assertThat(gallery).contains("“notes.txt” is not an image Imgwire accepts")
			.doesNotContain("Exception")
			.doesNotContain("mime_type");
		assertThat(this.emulator.state().images()).isEmpty();
	}

	@Test
	void uploadWithoutAFileAsksForOne() {
		MvcAppClient user = user();

		HttpResponse<String> upload = user.upload("", "application/octet-stream", new byte[0]);

		assertThat(upload.statusCode()).isEqualTo(302);
		assertThat(user.gallery()).contains("Choose an image file to upload.");
		assertThat(this.emulator.state().images()).isEmpty();
	}

	@Test
	void uploadOfAFileOverTheSizeLimitShowsAFriendlyMessage() {
		MvcAppClient user = user();
		// Over the 1MB file limit, under the 2MB request limit: refused while read.
		byte[] overFileLimit = noise(1536 * 1024);
		// Over the 2MB request limit: refused before it is read.
		byte[] overRequestLimit = noise(3 * 1024 * 1024);

		for (byte[] content : List.of(overFileLimit, overRequestLimit)) {
			HttpResponse<String> upload = user.upload("huge.png", "image/png", content);

			assertThat(upload.statusCode()).as("answer to %d bytes", content.length).isEqualTo(302);
			assertThat(user.location(upload)).isEqualTo("/");
			assertThat(user.gallery()).contains("The file is too large: images of up to 1 MB can be uploaded.")
				.doesNotContain("Exception");
		}
		assertThat(this.emulator.state().images()).isEmpty();
	}

	@Test
	void uploadWithoutTheCsrfTokenIsRefused() {
		MvcAppClient user = user();

		HttpResponse<String> response = user.postForm("/images", "");

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(this.emulator.state().images()).isEmpty();
	}

	@Test
	void uploadOverTheSizeLimitWithoutTheCsrfTokenInItsUrlIsStillRefused() {
		MvcAppClient user = user();

		HttpResponse<String> response = user.upload("/images", "huge.png", "image/png", noise(1536 * 1024));

		assertThat(response.statusCode()).as("%s", response.headers().map()).isEqualTo(403);
		assertThat(response.body()).doesNotContain("Exception");
		assertThat(user.gallery()).doesNotContain("too large");
	}

	@Test
	void anImageImgwireQuarantinesShowsItsStatusInsteadOfAThumbnail() {
		MvcAppClient user = user();

		// Named like a PNG, but no image: Imgwire takes it and quarantines it.
		user.upload("fake.png", "text/plain", "not an image".getBytes(StandardCharsets.UTF_8));

		String gallery = user.gallery();
		assertThat(gallery).contains("Uploaded “fake.png”.")
			.contains("<span class=\"status\">QUARANTINE</span>")
			.doesNotContain("class=\"thumbnail\"");
	}

	@Test
	void galleryPagesLinkToThePreviousAndNextPage() {
		MvcAppClient user = user();
		for (String name : List.of("one.png", "two.png", "three.png")) {
			assertThat(user.upload(name, "image/png", SampleImages.png(40, 30)).statusCode()).isEqualTo(302);
		}

		String first = user.gallery("/");
		String second = user.gallery("/?page=2");

		assertThat(imageIds(first)).hasSize(2);
		assertThat(first).containsPattern("id=\"next-page\" rel=\"next\"\\s+href=\"/\\?page=2\"")
			.doesNotContain("prev-page");
		assertThat(first).containsPattern("Page <span>1</span> of <span>2</span>");
		assertThat(imageIds(second)).hasSize(1).doesNotContainAnyElementsOf(imageIds(first));
		assertThat(second).containsPattern("id=\"prev-page\" rel=\"prev\"\\s+href=\"/\\?page=1\"")
			.doesNotContain("next-page");
	}

	@Test
	void deletingTheLastImageOfTheLastPageShowsThePageBeforeWithTheMessage() {
		MvcAppClient user = user();
		for (String name : List.of("one.png", "two.png", "three.png")) {
			user.upload(name, "image/png", SampleImages.png(40, 30));
		}
		String lastId = imageIds(user.gallery("/?page=2")).get(0);

		HttpResponse<String> delete = user.postWithCsrf("/images/" + lastId + "/delete", "page=2");
		HttpResponse<String> pastTheEnd = user.get(user.location(delete));

		assertThat(pastTheEnd.statusCode()).isEqualTo(302);
		assertThat(user.location(pastTheEnd)).isEqualTo("/?page=1");
		String gallery = user.gallery("/?page=1");
		assertThat(gallery).containsPattern("Deleted “(one|two|three)\\.png”\\.");
		assertThat(imageIds(gallery)).hasSize(2);
	}

	@Test
	void deletingAnImageThatIsGoneShowsAMessage() {
		MvcAppClient user = user();

		HttpResponse<String> delete = user.postWithCsrf("/images/" + UUID.randomUUID() + "/delete", "");

		assertThat(delete.statusCode()).isEqualTo(302);
		assertThat(user.gallery(user.location(delete)))
			.contains("There is no such image; it may have been deleted already.");
	}

	@Test
	void everyPageCarriesAStrictContentSecurityPolicyThatLetsImagesComeFromTheEmulator() {
		String expected = "default-src 'none'; img-src 'self' " + this.emulator.baseUrl()
				+ "; style-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
		MvcAppClient user = user();

		for (HttpResponse<String> response : List.of(new MvcAppClient(this.port).get("/login"), user.get("/"))) {
			assertThat(response.headers().firstValue("Content-Security-Policy")).as(response.uri().toString())
				.hasValue(expected);
			assertThat(response.body()).doesNotContain("<script").doesNotContain("style=");
		}
	}

	@Test
	void logoutEndsTheSession() {
		MvcAppClient user = user();

		HttpResponse<String> logout = user.postWithCsrf("/logout", "");

		assertThat(logout.statusCode()).isEqualTo(302);
		assertThat(user.location(logout)).isEqualTo("/login?logout");
		assertThat(user.get("/login?logout").body()).contains("You are logged out.");
		assertThat(user.get("/").statusCode()).isEqualTo(302);
	}

	private MvcAppClient user() {
		return new MvcAppClient(this.port).login("demo", "pages-test-password");
	}

	private static List<String> imageIds(String html) {
		Matcher matcher = IMAGE_ID.matcher(html);
		return matcher.results().map((result) -> result.group(1)).toList();
	}

	private static byte[] noise(int length) {
		byte[] bytes = new byte[length];
		new Random(length).nextBytes(bytes);
		return bytes;
	}

}
