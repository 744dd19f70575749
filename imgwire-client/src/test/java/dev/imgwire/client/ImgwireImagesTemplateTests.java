package dev.imgwire.client;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.imgwire.client.model.DownloadJob;
import dev.imgwire.client.model.DownloadJobStatus;
import dev.imgwire.client.model.Image;
import dev.imgwire.client.model.ImageStatus;
import dev.imgwire.client.model.Page;
import dev.imgwire.client.model.StandardUpload;
import dev.imgwire.client.model.StandardUploadRequest;
import dev.imgwire.client.model.UploadToken;
import dev.imgwire.client.model.UploadViaUrlRequest;
import dev.imgwire.client.upload.UploadOptions;
import dev.imgwire.client.upload.UploadSource;
import dev.imgwire.emulator.EmulatorOperation;
import dev.imgwire.emulator.state.EmulatedImage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation of {@link ImgwireImagesTemplate} over HTTP against the emulator: plain
 * values, the same requests as the reactive client.
 */
@Timeout(60)
class ImgwireImagesTemplateTests extends EmulatorTestSupport {

	private ImgwireImagesTemplate images() {
		return new ImgwireTemplate(rootClient(), TIMEOUT).images();
	}

	private Image upload(ImgwireImagesTemplate images, String fileName) {
		return images.upload(UploadSource.fromBytes(TestImages.png()), UploadOptions.defaults().withFileName(fileName));
	}

	@Nested
	class Uploads {

		@Test
		void uploadSendsTheBytesAndReturnsTheImage(@TempDir Path directory) throws Exception {
			Path file = Files.write(directory.resolve("cat.png"), TestImages.png(4, 3));

			Image image = images().upload(UploadSource.fromPath(file), UploadOptions.defaults());

			assertThat(image.originalFilename()).isEqualTo("cat.png");
			assertThat(image.width()).isEqualTo(4);
			assertThat(emulator.state().storedBytes(image.id())).hasValue(TestImages.png(4, 3));
			assertThat(emulator.state().requestCount(EmulatorOperation.STANDARD_UPLOAD)).isEqualTo(1);
			assertThat(emulator.state().requestCount(EmulatorOperation.PRESIGNED_PUT)).isEqualTo(1);
		}

		@Test
		void uploadThatAwaitsReadyReturnsTheReadyImage() {
			Image image = images().upload(UploadSource.fromBytes(TestImages.png()),
					UploadOptions.defaults().withFileName("ready.png").withAwaitReady(true));

			assertThat(image.status()).isEqualTo(ImageStatus.READY);
		}

		@Test
		void createStandardUploadReturnsThePendingRecordAndItsUploadUrl() {
			StandardUpload upload = images().createStandardUpload(StandardUploadRequest.of("later.png"));

			assertThat(upload.image().status()).isEqualTo(ImageStatus.PENDING);
			assertThat(upload.uploadUrl()).startsWith(emulator.baseUrl());
		}

		@Test
		void createStandardUploadWithAnUploadTokenSendsTheToken() {
			ImgwireImagesTemplate images = images();
			UploadToken token = images.createUploadToken();

			StandardUpload upload = images.createStandardUpload(StandardUploadRequest.of("browser.png"), token.token());

			assertThat(upload.image().originalFilename()).isEqualTo("browser.png");
			assertThat(this.lastPathAndQuery()).startsWith("/api/v1/images/standard_upload?upload_token=");
		}

		@Test
		void uploadViaUrlCreatesAnImageFromARemoteUrl() {
			ImgwireImagesTemplate images = images();
			Image source = upload(images, "remote.png");

			Image copy = images.uploadViaUrl(UploadViaUrlRequest.of(source.cdnUrl()).withFileName("copy.png"));

			assertThat(copy.id()).isNotEqualTo(source.id());
			assertThat(copy.originalFilename()).isEqualTo("copy.png");
		}

		@Test
		void createUploadTokenReturnsAToken() {
			UploadToken token = images().createUploadToken();

			assertThat(token.token()).isNotBlank();
			assertThat(emulator.state().requestCount(EmulatorOperation.CREATE_UPLOAD_TOKEN)).isEqualTo(1);
		}

		private String lastPathAndQuery() {
			return ImgwireImagesTemplateTests.this.wire.last().pathAndQuery();
		}

	}

	@Nested
	class Reads {

		@Test
		void listReturnsThePageWithItsPagination() {
			ImgwireImagesTemplate images = images();
			upload(images, "a.png");
			upload(images, "b.png");
			upload(images, "c.png");

			Page<Image> page = images.list(1, 2);

			assertThat(page.items()).hasSize(2);
			assertThat(page.pagination().totalCount()).isEqualTo(3);
			assertThat(page.pagination().nextPage()).isEqualTo(2);
		}

		@Test
		void retrieveReturnsTheImage() {
			ImgwireImagesTemplate images = images();
			Image uploaded = upload(images, "seen.png");

			Image image = images.retrieve(uploaded.id().toString());

			assertThat(image.id()).isEqualTo(uploaded.id());
			assertThat(image.originalFilename()).isEqualTo("seen.png");
		}

		@Test
		void awaitReadyReturnsTheImageOnceReady() {
			ImgwireImagesTemplate images = images();
			Image uploaded = upload(images, "soon.png");

			Image ready = images.awaitReady(uploaded.id().toString(), Duration.ofSeconds(10));

			assertThat(ready.status()).isEqualTo(ImageStatus.READY);
		}

	}

	@Nested
	class Deletes {

		@Test
		void deleteRemovesTheImageAndReturnsTheAnswer() {
			ImgwireImagesTemplate images = images();
			Image image = upload(images, "gone.png");

			Map<String, String> answer = images.delete(image.id().toString());

			assertThat(answer).isNotNull();
			assertThat(emulator.state().images()).isEmpty();
		}

		@Test
		void bulkDeleteRemovesEveryGivenImage() {
			ImgwireImagesTemplate images = images();
			Image first = upload(images, "1.png");
			Image second = upload(images, "2.png");
			Image kept = upload(images, "3.png");

			images.bulkDelete(List.of(first.id().toString(), second.id().toString()));

			assertThat(emulator.state().images()).extracting(EmulatedImage::id).containsExactly(kept.id());
		}

	}

	@Nested
	class DownloadJobs {

		@Test
		void aDownloadJobCanBeCreatedRetrievedAndAwaited() {
			ImgwireImagesTemplate images = images();
			Image image = upload(images, "zip-me.png");

			DownloadJob created = images.createDownloadJob(List.of(image.id().toString()));
			DownloadJob retrieved = images.retrieveDownloadJob(created.id().toString());
			DownloadJob ready = images.awaitDownloadJob(created.id().toString(), Duration.ofSeconds(10));

			assertThat(created.imageIds()).containsExactly(image.id());
			assertThat(retrieved.id()).isEqualTo(created.id());
			assertThat(ready.status()).isEqualTo(DownloadJobStatus.READY);
		}

	}

}
