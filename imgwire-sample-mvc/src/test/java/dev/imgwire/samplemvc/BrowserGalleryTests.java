package dev.imgwire.samplemvc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Random;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
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
 * The pages in a real browser, with no script of theirs and under their strict
 * Content-Security-Policy: log in, upload a PNG through the file input, see its thumbnail
 * (resized by the CDN to the variant's width), delete it; a file that is no image or is
 * too large gets a message.
 *
 * @author Imgwire
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "sample.security.password=browser-test-password", "sample.emulator.processing-delay=500ms",
				"spring.servlet.multipart.max-file-size=1MB", "spring.servlet.multipart.max-request-size=2MB" })
class BrowserGalleryTests extends BrowserTestSupport {

	@LocalServerPort
	private int port;

	@Autowired
	private ImgwireEmulator emulator;

	@BeforeEach
	void emptyGallery() {
		this.emulator.reset();
	}

	@Test
	void userUploadsAPngThroughTheFormSeesItsThumbnailAndDeletesIt(@TempDir Path files) throws IOException {
		Path png = TestImages.sunsetPngFile(files, "sunset.png", 960, 640);
		logIn();

		driver.findElement(By.id("file-input")).sendKeys(png.toAbsolutePath().toString());
		driver.findElement(By.id("upload-button")).click();

		waitFor().until(ExpectedConditions.textToBe(By.id("notice"), "Uploaded “sunset.png”."));
		// While the image is processing the page shows its status and reloads itself.
		waitFor().until((d) -> Boolean.TRUE.equals(js().executeScript("""
				const img = document.querySelector('.gallery-item img.thumbnail');
				return img !== null && img.complete && img.naturalWidth > 0;""")));
		WebElement item = driver.findElement(By.cssSelector(".gallery-item"));
		String imageId = item.getDomAttribute("data-image-id");
		WebElement img = item.findElement(By.cssSelector("img.thumbnail"));
		// The thumbnail variant, transformed by the emulator's CDN: 240 pixels wide, not
		// the original's 960. The link opens the original.
		assertThat(((Number) js().executeScript("return arguments[0].naturalWidth", img)).intValue()).isEqualTo(240);
		assertThat((String) js().executeScript("return arguments[0].currentSrc", img)).contains("width=240");
		assertThat(img.getDomProperty("srcset")).contains(" 1x").contains("dpr=2").contains(" 2x");
		assertThat(img.getDomAttribute("alt")).isEqualTo("sunset.png");
		assertThat(item.findElement(By.cssSelector("a.original-link")).getDomProperty("href"))
			.startsWith(this.emulator.baseUrl() + "/cdn/")
			.endsWith("/" + imageId)
			.doesNotContain("?");
		assertThat(item.findElement(By.cssSelector(".name")).getText()).isEqualTo("sunset.png");
		assertThat(cspViolations.takeAll()).as("Content-Security-Policy violations").isEmpty();
		screenshot(Path.of("target", "browser-gallery.png"));

		item.findElement(By.cssSelector(".delete-button")).click();

		waitFor().until(ExpectedConditions.textToBe(By.id("notice"), "Deleted “sunset.png”."));
		assertThat(driver.findElements(By.cssSelector(".gallery-item"))).isEmpty();
		assertThat(driver.findElement(By.id("empty-gallery")).getText()).startsWith("No images yet");
		assertThat(this.emulator.state().images()).isEmpty();
	}

	@Test
	void aFileThatIsNoImageGetsAMessageNotAnErrorPage(@TempDir Path files) throws IOException {
		Path text = Files.writeString(files.resolve("notes.txt"), "not an image");
		logIn();

		driver.findElement(By.id("file-input")).sendKeys(text.toAbsolutePath().toString());
		driver.findElement(By.id("upload-button")).click();

		WebElement notice = waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("notice")));
		assertThat(notice.getText()).startsWith("“notes.txt” is not an image Imgwire accepts");
		assertThat(notice.getDomAttribute("class")).contains("notice-error");
		assertThat(this.emulator.state().images()).isEmpty();
	}

	@Test
	void aFileOverTheSizeLimitGetsAMessageNotAnErrorPage(@TempDir Path files) throws IOException {
		byte[] bytes = new byte[3 * 1024 * 1024];
		new Random(42).nextBytes(bytes);
		Path large = Files.write(files.resolve("large.png"), bytes);
		logIn();

		driver.findElement(By.id("file-input")).sendKeys(large.toAbsolutePath().toString());
		driver.findElement(By.id("upload-button")).click();

		WebElement notice = waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("notice")));
		assertThat(notice.getText()).isEqualTo("The file is too large: images of up to 1 MB can be uploaded.");
		assertThat(this.emulator.state().images()).isEmpty();
	}

	private void logIn() {
		// Each test starts logged out: the cookies belong to the app's origin, so they
		// can only be cleared from one of its pages.
		driver.get("http://localhost:" + this.port + "/login");
		driver.manage().deleteAllCookies();
		driver.get("http://localhost:" + this.port + "/");
		WebElement password = waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("password")));
		password.sendKeys("browser-test-password");
		driver.findElement(By.id("login-button")).click();
		waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("upload-form")));
		// What the test reads later is its own.
		cspViolations.takeAll();
	}

	private static void screenshot(Path target) throws IOException {
		Path file = driver.getScreenshotAs(OutputType.FILE).toPath();
		Files.createDirectories(target.getParent());
		Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
	}

}
