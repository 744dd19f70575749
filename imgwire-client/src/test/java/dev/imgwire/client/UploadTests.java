package dev.imgwire.client;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.WebClient;

import dev.imgwire.client.error.ImgwireRequestValidationException;
import dev.imgwire.client.error.ImgwireServerException;
import dev.imgwire.client.error.ImgwireUploadException;
import dev.imgwire.client.model.Image;
import dev.imgwire.client.model.ImageStatus;
import dev.imgwire.client.model.StandardUpload;
import dev.imgwire.client.model.StandardUploadRequest;
import dev.imgwire.client.model.SupportedMimeType;
import dev.imgwire.client.model.UploadToken;
import dev.imgwire.client.upload.UploadOptions;
import dev.imgwire.client.upload.UploadSource;
import dev.imgwire.emulator.EmulatorOperation;
import dev.imgwire.emulator.state.EmulatedImage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The upload helper: sources, inference, hashing, and what the presigned PUT carries.
 */
class UploadTests extends EmulatorTestSupport {

	@TempDir
	Path directory;

	@Test
	void aFileIsUploadedUnderItsOwnNameAndStoredByteForByte() throws Exception {
		byte[] png = TestImages.png(6, 2);
		Path file = Files.write(this.directory.resolve("photo.png"), png);

		Image image = client().upload(UploadSource.fromPath(file), UploadOptions.defaults()).block(TIMEOUT);

		assertThat(image.originalFilename()).isEqualTo("photo.png");
		assertThat(image.mimeType()).isEqualTo(SupportedMimeType.PNG);
		assertThat(image.status()).isEqualTo(ImageStatus.READY);
		assertThat(image.sizeBytes()).isEqualTo(png.length);
		assertThat(emulator.state().storedBytes(image.id())).hasValue(png);
	}

	@Test
	void thePresignedPutCarriesTheLengthAndTypeButNoCredentials() {
		ExchangeFilterFunction addsCredentials = ExchangeFilterFunction.ofRequestProcessor((request) -> Mono.just(
				ClientRequest.from(request).header("Authorization", "Bearer leaked").header("Cookie", "c=1").build()));
		ImgwireImagesClient client = ImgwireImagesClient
			.builder(this.wire.webClientBuilder().filter(addsCredentials),
					settings().withEnvironmentId("11111111-2222-3333-4444-555555555555"))
			.build();
		byte[] png = TestImages.png();

		client.upload(UploadSource.fromBytes(png), UploadOptions.defaults().withFileName("x.png")).block(TIMEOUT);

		WireRecorder.RecordedRequest put = this.wire.requests("PUT").get(0);
		assertThat(put.hasHeader("Authorization")).isFalse();
		assertThat(put.hasHeader("Cookie")).isFalse();
		assertThat(put.hasHeader("X-Environment-Id")).isFalse();
		assertThat(put.header("Content-Length")).isEqualTo(String.valueOf(png.length));
		assertThat(put.header("Content-Type")).isEqualTo("image/png");
		assertThat(put.hasHeader("Transfer-Encoding")).isFalse();
	}

	@Test
	void aResourceIsUploadedUnderItsFileName() throws Exception {
		Path file = Files.write(this.directory.resolve("resource.gif"), TestImages.gif());

		Image image = client().upload(UploadSource.fromResource(new FileSystemResource(file)), UploadOptions.defaults())
			.block(TIMEOUT);

		assertThat(image.originalFilename()).isEqualTo("resource.gif");
		assertThat(image.mimeType()).isEqualTo(SupportedMimeType.GIF);
		assertThat(emulator.state().storedBytes(image.id())).hasValue(TestImages.gif());
	}

	@Test
	void bytesWithoutAFileNameAreNamedAfterTheTypeTheirContentReveals() {
		Image image = client()
			.upload(UploadSource.fromResource(new ByteArrayResource(TestImages.jpeg())), UploadOptions.defaults())
			.block(TIMEOUT);

		assertThat(image.mimeType()).isEqualTo(SupportedMimeType.JPEG);
		assertThat(image.originalFilename()).isEqualTo("upload.jpg");
	}

	static Stream<Arguments> magicBytes() {
		return Stream.of(Arguments.of(TestImages.png(), SupportedMimeType.PNG),
				Arguments.of(TestImages.jpeg(), SupportedMimeType.JPEG),
				Arguments.of(TestImages.gif(), SupportedMimeType.GIF),
				Arguments.of(TestImages.bmp(), SupportedMimeType.BMP),
				Arguments.of(TestImages.tiff(), SupportedMimeType.TIFF),
				Arguments.of(TestImages.webpHeader(), SupportedMimeType.WEBP),
				Arguments.of(TestImages.icoHeader(), SupportedMimeType.ICON),
				Arguments.of(TestImages.avifHeader(), SupportedMimeType.AVIF),
				Arguments.of(TestImages.avifWithGenericBrandHeader(), SupportedMimeType.AVIF),
				Arguments.of(TestImages.heicHeader(), SupportedMimeType.HEIC),
				Arguments.of(TestImages.jxlCodestreamHeader(), SupportedMimeType.JXL));
	}

	@ParameterizedTest
	@MethodSource("magicBytes")
	void theMimeTypeIsInferredFromMagicBytesWhenTheNameSaysNothing(byte[] content, SupportedMimeType expected) {
		Image image = client().upload(UploadSource.fromBytes(content), UploadOptions.defaults().withFileName("blob"))
			.block(TIMEOUT);

		assertThat(image.mimeType()).isEqualTo(expected);
		assertThat(this.wire.requests("PUT").get(0).header("Content-Type")).isEqualTo(expected.value());
	}

	@Test
	void theFileNameExtensionDecidesTheTypeBeforeTheContentIsLookedAt() {
		Image image = client()
			.upload(UploadSource.fromBytes(TestImages.png()), UploadOptions.defaults().withFileName("really.webp"))
			.block(TIMEOUT);

		assertThat(image.mimeType()).isEqualTo(SupportedMimeType.WEBP);
	}

	@Test
	void anExplicitMimeTypeWinsOverTheFileName() {
		Image image = client()
			.upload(UploadSource.fromBytes(TestImages.gif()),
					UploadOptions.defaults().withFileName("anim.png").withMimeType(SupportedMimeType.GIF))
			.block(TIMEOUT);

		assertThat(image.mimeType()).isEqualTo(SupportedMimeType.GIF);
		assertThat(image.status()).isEqualTo(ImageStatus.READY);
	}

	@Test
	void contentOfUnknownTypeIsRefusedBeforeAnyRequest() {
		StepVerifier.create(client().upload(UploadSource.fromBytes("just text".getBytes()), UploadOptions.defaults()))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(ImgwireRequestValidationException.class)
				.hasMessageContaining("mime_type")
				.hasMessageContaining("could not be inferred"))
			.verify(TIMEOUT);
		assertThat(emulator.state().totalRequests()).isZero();
	}

	@Test
	void theSha256IsComputedWhenAskedAndMatchesTheBytes() throws Exception {
		byte[] png = TestImages.png(9, 9);
		String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(png));

		Image image = client()
			.upload(UploadSource.fromBytes(png), UploadOptions.defaults().withFileName("h.png").withComputeSha256(true))
			.block(TIMEOUT);

		assertThat(image.hashSha256()).isEqualTo(expected);
		assertThat(emulator.state().image(image.id()).orElseThrow().hashSha256()).isEqualTo(expected);
		assertThat(image.status()).isEqualTo(ImageStatus.READY);
	}

	@Test
	void noHashIsSentUnlessAsked() {
		Image image = client()
			.upload(UploadSource.fromBytes(TestImages.png()), UploadOptions.defaults().withFileName("n.png"))
			.block(TIMEOUT);

		assertThat(this.wire.requests("POST")).hasSize(1);
		assertThat(emulator.state().image(image.id()).orElseThrow().idempotencyKey()).isNotBlank();
	}

	@Test
	void aOneShotStreamIsUploaded() throws Exception {
		byte[] png = TestImages.png(30, 30);
		Path file = Files.write(this.directory.resolve("s.png"), png);
		Flux<DataBuffer> stream = DataBufferUtils.read(file, DefaultDataBufferFactory.sharedInstance, 16);

		Image image = client()
			.upload(UploadSource.fromDataBuffers(stream, png.length),
					UploadOptions.defaults().withMimeType(SupportedMimeType.PNG))
			.block(TIMEOUT);

		assertThat(emulator.state().storedBytes(image.id())).hasValue(png);
		assertThat(image.originalFilename()).isEqualTo("upload.png");
	}

	@Test
	void aOneShotStreamIsNotReplayedWhenThePutFails() {
		emulator.faults().next(EmulatorOperation.PRESIGNED_PUT, 1).respondWith(503);
		byte[] png = TestImages.png();
		UploadSource source = UploadSource.fromDataBuffers(Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(png)),
				png.length);

		StepVerifier.create(client().upload(source, UploadOptions.defaults().withMimeType(SupportedMimeType.PNG)))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(ImgwireUploadException.class)
				.hasMessageContaining("cannot be replayed")
				.hasCauseInstanceOf(ImgwireServerException.class))
			.verify(TIMEOUT);
		assertThat(emulator.state().requestCount(EmulatorOperation.PRESIGNED_PUT)).isEqualTo(1);
	}

	@Test
	void aOneShotStreamCannotBeUploadedTwiceAndTheSecondUploadSendsNothing() {
		byte[] png = TestImages.png();
		UploadSource source = UploadSource.fromDataBuffers(Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(png)),
				png.length);
		ImgwireImagesClient client = client();
		UploadOptions options = UploadOptions.defaults().withMimeType(SupportedMimeType.PNG);
		client.upload(source, options).block(TIMEOUT);
		long requestsBefore = emulator.state().totalRequests();

		StepVerifier.create(client.upload(source, options))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(ImgwireUploadException.class)
				.hasMessageContaining("cannot be replayed"))
			.verify(TIMEOUT);
		assertThat(emulator.state().totalRequests()).isEqualTo(requestsBefore);
	}

	@Test
	void aReplayableStreamIsSentAgainWhenThePutFails() {
		emulator.faults().next(EmulatorOperation.PRESIGNED_PUT, 1).respondWith(503);
		byte[] png = TestImages.png();
		UploadSource source = UploadSource
			.fromDataBuffers(() -> Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(png)), png.length);

		Image image = client().upload(source, UploadOptions.defaults().withMimeType(SupportedMimeType.PNG))
			.block(TIMEOUT);

		assertThat(emulator.state().requestCount(EmulatorOperation.PRESIGNED_PUT)).isEqualTo(2);
		assertThat(emulator.state().storedBytes(image.id())).hasValue(png);
	}

	@Test
	void aReplayableStreamRevealsItsTypeAndCanBeHashed() {
		byte[] png = TestImages.png();
		UploadSource source = UploadSource
			.fromDataBuffers(() -> Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(png)), png.length);

		Image image = client().upload(source, UploadOptions.defaults().withComputeSha256(true)).block(TIMEOUT);

		assertThat(image.mimeType()).isEqualTo(SupportedMimeType.PNG);
		assertThat(image.hashSha256()).hasSize(64);
	}

	@Test
	void aOneShotStreamCannotBeHashedAndNothingIsSent() {
		byte[] png = TestImages.png();
		UploadSource source = UploadSource.fromDataBuffers(Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(png)),
				png.length);

		StepVerifier
			.create(client().upload(source,
					UploadOptions.defaults().withMimeType(SupportedMimeType.PNG).withComputeSha256(true)))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(ImgwireRequestValidationException.class)
				.hasMessageContaining("source"))
			.verify(TIMEOUT);
		assertThat(emulator.state().totalRequests()).isZero();
	}

	@Test
	void aSourceShorterThanDeclaredFailsNamingBothLengthsAndLeavesNoReadyImage() {
		byte[] png = TestImages.png();
		UploadSource source = UploadSource
			.fromDataBuffers(() -> Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(png)), png.length + 100);

		StepVerifier.create(client().upload(source, UploadOptions.defaults().withMimeType(SupportedMimeType.PNG)))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(ImgwireUploadException.class)
				.hasMessageContaining(String.valueOf(png.length + 100))
				.hasMessageContaining(String.valueOf(png.length)))
			.verify(TIMEOUT);
		assertNoReadyImage();
	}

	@Test
	void aSourceLongerThanDeclaredFailsNamingBothLengthsAndLeavesNoReadyImage() {
		byte[] png = TestImages.png();
		UploadSource source = UploadSource.fromDataBuffers(Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(png),
				DefaultDataBufferFactory.sharedInstance.wrap(new byte[] { 1, 2, 3 })), png.length);

		StepVerifier.create(client().upload(source, UploadOptions.defaults().withMimeType(SupportedMimeType.PNG)))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(ImgwireUploadException.class)
				.hasMessageContaining(String.valueOf(png.length))
				.hasMessageContaining(String.valueOf(png.length + 3)))
			.verify(TIMEOUT);
		assertNoReadyImage();
	}

	@Test
	void aLengthMismatchFoundWhileHashingFailsBeforeTheImageIsCreated() {
		byte[] png = TestImages.png();
		UploadSource source = UploadSource
			.fromDataBuffers(() -> Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(png)), png.length - 1);

		StepVerifier
			.create(client().upload(source,
					UploadOptions.defaults().withMimeType(SupportedMimeType.PNG).withComputeSha256(true)))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(ImgwireUploadException.class)
				.hasMessageContaining(String.valueOf(png.length - 1))
				.hasMessageContaining(String.valueOf(png.length)))
			.verify(TIMEOUT);
		assertThat(emulator.state().totalRequests()).isZero();
	}

	@Test
	void anUploadTokenIsSentAsAQueryParameterWithTheClientKey() {
		ImgwireImagesClient client = clientBuilder(settings().withClientKey(emulator.clientKey())).build();
		UploadToken token = client.createUploadToken().block(TIMEOUT);

		StandardUpload upload = client.createStandardUpload(StandardUploadRequest.of("signed.png"), token.token())
			.block(TIMEOUT);

		WireRecorder.RecordedRequest request = this.wire.last();
		assertThat(request.header("Authorization")).isEqualTo("Bearer " + emulator.clientKey());
		// Reactor Netty itself only sees a placeholder; the token goes onto the wire
		// below it, and the emulator redeemed it.
		assertThat(request.pathAndQuery())
			.matches("/api/v1/images/standard_upload\\?upload_token=redacted-[0-9a-f]{12}");
		EmulatedImage image = emulator.state().image(upload.image().id()).orElseThrow();
		assertThat(image.uploadTokenId()).isEqualTo(token.id());
		assertThat(image.idempotencyKey()).isNotBlank();
	}

	@Test
	void withoutAClientKeyAnUploadTokenIsSentWithTheServerKey() {
		ImgwireImagesClient client = client();
		UploadToken token = client.createUploadToken().block(TIMEOUT);

		client.createStandardUpload(StandardUploadRequest.of("signed.png"), token.token()).block(TIMEOUT);

		assertThat(this.wire.last().header("Authorization")).isEqualTo("Bearer " + emulator.serverKey());
	}

	@Test
	void uploadReturnsTheImageAsItIsAfterThePut() {
		ImgwireImagesClient client = client();

		Image image = client
			.upload(UploadSource.fromBytes(TestImages.png()), UploadOptions.defaults().withFileName("p.png"))
			.block(TIMEOUT);

		assertThat(this.wire.requests()).extracting(WireRecorder.RecordedRequest::method)
			.containsExactly("POST", "PUT", "GET");
		assertThat(this.wire.requests().get(2).pathAndQuery()).isEqualTo("/api/v1/images/" + image.id());
		assertThat(image.sizeBytes()).isEqualTo(TestImages.png().length);
	}

	@Test
	void anUploadWorksOverAConnectorOtherThanReactorNetty() {
		byte[] png = TestImages.png();
		ImgwireImagesClient client = ImgwireImagesClient
			.builder(WebClient.builder().clientConnector(new JdkClientHttpConnector()), settings())
			.build();

		Image image = client.upload(UploadSource.fromBytes(png), UploadOptions.defaults().withFileName("jdk.png"))
			.block(TIMEOUT);

		assertThat(emulator.state().storedBytes(image.id())).hasValue(png);
		assertThat(image.status()).isEqualTo(ImageStatus.READY);
	}

	private static void assertNoReadyImage() {
		List<EmulatedImage> images = emulator.state().images();
		assertThat(images).allSatisfy((image) -> {
			assertThat(image.status()).isNotEqualTo("READY");
			assertThat(emulator.state().storedSize(image.id())).isEqualTo(-1);
		});
	}

}
