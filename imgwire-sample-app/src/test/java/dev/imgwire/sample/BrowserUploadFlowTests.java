package dev.imgwire.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.imgwire.emulator.ImgwireEmulator;
import dev.imgwire.samples.support.test.BrowserTestSupport;
import dev.imgwire.samples.support.test.TestImages;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole flow in a real browser: log in, upload a PNG through the page, watch the
 * progress bar, see the image READY and rendered in the gallery, delete it. None of it
 * may break a rule of the page's Content-Security-Policy.
 *
 * @author Imgwire
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "sample.emulator.processing-delay=300ms", "sample.security.password=browser-test-password" })
class BrowserUploadFlowTests extends BrowserTestSupport {

	@LocalServerPort
	private int port;

	@Autowired
	private ImgwireEmulator emulator;

	@AfterEach
	void pageBrokeNoRuleOfItsContentSecurityPolicy() {
		assertThat(cspViolations.takeAll()).as("Content-Security-Policy violations").isEmpty();
	}

	@Test
	void userUploadsAPngThroughThePageSeesItReadyInTheGalleryAndDeletesIt(@TempDir Path files) {
		Path png = TestImages.noisePngFile(files, "browser-upload.png", 640, 480);
		logIn();

		driver.findElement(By.id("file-input")).sendKeys(png.toAbsolutePath().toString());

		WebElement uploadItem = waitFor().until(ExpectedConditions
			.presenceOfElementLocated(By.cssSelector(".upload-item[data-file-name='browser-upload.png']")));
		WebElement progress = uploadItem.findElement(By.cssSelector(".upload-progress"));
		waitFor().until((d) -> progressIsComplete(progress));
		assertThat(Integer.parseInt(progress.getDomAttribute("data-events")))
			.as("upload progress events received by the page")
			.isPositive();
		assertThat(((Number) js().executeScript("return arguments[0].max", progress)).longValue())
			.isEqualTo(fileSize(png));

		String imageId = waitFor().until((d) -> uploadFinished(uploadItem));
		By galleryItem = By.cssSelector(".gallery-item[data-image-id='" + imageId + "']");
		WebElement item = waitFor().until(ExpectedConditions.presenceOfElementLocated(galleryItem));
		assertThat(item.findElement(By.cssSelector(".status")).getText()).isEqualTo("READY");
		WebElement img = item.findElement(By.cssSelector("img.gallery-image"));
		waitFor().until((d) -> Boolean.TRUE
			.equals(js().executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0", img)));
		// The thumbnail is the gallery-thumbnail variant, transformed by the CDN: 240
		// pixels wide, not the original's 640; the link opens the original.
		assertThat(((Number) js().executeScript("return arguments[0].naturalWidth", img)).intValue()).isEqualTo(240);
		assertThat(((String) js().executeScript("return arguments[0].currentSrc", img))).contains("width=240");
		assertThat(img.getDomProperty("srcset")).contains(" 1x").contains("dpr=2").contains(" 2x");
		assertThat(item.findElement(By.cssSelector("a.original-link")).getDomProperty("href")).doesNotContain("?")
			.endsWith(imageId);
		assertThat(this.emulator.state().image(UUID.fromString(imageId)))
			.hasValueSatisfying((image) -> assertThat(image.status()).isEqualTo("READY"));

		item.findElement(By.cssSelector(".delete-button")).click();

		waitFor().until(ExpectedConditions.numberOfElementsToBe(galleryItem, 0));
		assertThat(this.emulator.state().images()).noneMatch((image) -> image.id().toString().equals(imageId));
	}

	@Test
	void userSendsAFileThroughTheServerFormAndSeesItInTheGallery(@TempDir Path files) {
		Path png = TestImages.noisePngFile(files, "through-server.png", 320, 240);
		logIn();

		driver.findElement(By.id("server-file-input")).sendKeys(png.toAbsolutePath().toString());
		driver.findElement(By.id("server-upload-button")).click();

		WebElement message = driver.findElement(By.id("server-upload-message"));
		String imageId = waitFor().until((d) -> message.getDomAttribute("data-image-id"));
		assertThat(message.getText()).contains("through-server.png");
		waitFor().until(ExpectedConditions
			.presenceOfElementLocated(By.cssSelector(".gallery-item[data-image-id='" + imageId + "']")));
		assertThat(this.emulator.state().storedSize(UUID.fromString(imageId))).isEqualTo(fileSize(png));
	}

	@Test
	void pageExplainsInWordsWhyAFileThatIsNoImageIsNotUploaded(@TempDir Path files) throws Exception {
		Path text = Files.writeString(files.resolve("notes.txt"), "not an image");
		logIn();
		long tokensBefore = this.emulator.state().uploadTokens().size();

		driver.findElement(By.id("file-input")).sendKeys(text.toAbsolutePath().toString());

		WebElement error = waitFor().until(ExpectedConditions
			.visibilityOfElementLocated(By.cssSelector(".upload-item[data-file-name='notes.txt'] .upload-error")));
		assertThat(error.getText()).contains("notes.txt").contains("not a supported image type");
		assertThat(this.emulator.state().uploadTokens()).hasSize((int) tokensBefore);
	}

	@Test
	@SuppressWarnings("unchecked")
	void pageExplainsInWordsAnAnswerThatIsNotJsonAndLeavesNoPromiseRejectionUnhandled() {
		logIn();

		// Swaps fetch for one answering 200 with an HTML page (as a proxy or captive
		// portal might) and 204 to DELETE, then drives the page's own modules.
		Map<String, Object> result = (Map<String, Object>) js().executeAsyncScript(
				"""
						const done = arguments[arguments.length - 1];
						const realFetch = window.fetch;
						const rejections = [];
						const onRejection = (event) => rejections.push(String(event.reason));
						window.addEventListener('unhandledrejection', onRejection);
						(async () => {
							const { callApi } = await import('/js/api.js');
							const { Gallery } = await import('/js/gallery.js');
							const { uploadFile } = await import('/js/upload.js');
							window.fetch = async (url, options) => {
								if ((options && options.method) === 'DELETE') {
									return new Response(null, { status: 204 });
								}
								if (String(url).startsWith('/api/upload-tokens')) {
									return new Response(JSON.stringify({ token: 't', clientKey: 'ck', expiresAt: '2030-01-01T00:00:00Z',
										apiBaseUrl: 'http://imgwire.invalid' }), { status: 200, headers: { 'Content-Type': 'application/json' } });
								}
								return new Response('<html>Not JSON</html>', { status: 200, headers: { 'Content-Type': 'text/html' } });
							};
							const callApiError = await callApi('/api/images').then(() => 'resolved', (e) => e.message);
							const notices = [];
							const gallery = new Gallery((text) => notices.push(text));
							const galleryLoad = await gallery.load(1).then(() => 'resolved', (e) => 'rejected: ' + e);
							const galleryMessage = document.getElementById('gallery-message').textContent;
							await gallery.deleteOne({ id: 'some-id', originalFilename: 'cat.png' }, document.createElement('button'));
							const file = new File([new Uint8Array([1, 2, 3])], 'x.png', { type: 'image/png' });
							const uploadError = await uploadFile(file, { phase() {}, progress() {} })
								.then(() => 'resolved', (e) => e.message);
							// Lets any unhandled rejection be reported.
							await new Promise((resolve) => setTimeout(resolve, 200));
							return { callApiError, galleryLoad, galleryMessage, notices, uploadError, rejections };
						})().then(done, (e) => done({ failure: String(e) })).finally(() => {
							window.fetch = realFetch;
							window.removeEventListener('unhandledrejection', onRejection);
						});
						""");

		assertThat(result).doesNotContainKey("failure");
		assertThat((String) result.get("callApiError")).contains("HTTP 200 without the expected JSON body");
		assertThat(result.get("galleryLoad")).isEqualTo("resolved");
		assertThat((String) result.get("galleryMessage")).startsWith("Could not load the gallery:")
			.contains("without the expected JSON body");
		assertThat((List<String>) result.get("notices")).containsExactly("Deleted “cat.png”.");
		assertThat((String) result.get("uploadError")).contains("not JSON").doesNotContain("Unexpected token");
		assertThat((List<String>) result.get("rejections")).isEmpty();
	}

	private void logIn() {
		// Each test starts logged out: the cookies belong to the app's origin, so they
		// can only be cleared from one of its pages.
		driver.get("http://localhost:" + this.port + "/login");
		driver.manage().deleteAllCookies();
		driver.get("http://localhost:" + this.port + "/");
		WebElement user = waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
		user.clear();
		user.sendKeys("demo");
		driver.findElement(By.id("password")).sendKeys("browser-test-password");
		driver.findElement(By.id("login-button")).click();
		waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("file-input")));
		waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("page-info")));
	}

	private static boolean progressIsComplete(WebElement progress) {
		return Boolean.TRUE.equals(js().executeScript(
				"const p = arguments[0]; return p.max > 1 && p.value >= p.max && Number(p.dataset.events) > 0",
				progress));
	}

	private static String uploadFinished(WebElement uploadItem) {
		String state = uploadItem.getDomAttribute("data-state");
		if ("failed".equals(state)) {
			throw new AssertionError(
					"The page reported: " + uploadItem.findElement(By.cssSelector(".upload-error")).getText());
		}
		return "done".equals(state) ? uploadItem.getDomAttribute("data-image-id") : null;
	}

	private static long fileSize(Path file) {
		try {
			return Files.size(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
