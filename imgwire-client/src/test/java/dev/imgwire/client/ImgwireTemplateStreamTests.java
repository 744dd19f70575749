package dev.imgwire.client;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.core.publisher.Flux;

import org.springframework.web.reactive.function.client.ExchangeFilterFunction;

import dev.imgwire.client.error.ImgwireRequestValidationException;
import dev.imgwire.client.error.ImgwireServerException;
import dev.imgwire.client.error.ImgwireTimeoutException;
import dev.imgwire.client.model.Image;
import dev.imgwire.client.model.Page;
import dev.imgwire.client.upload.UploadOptions;
import dev.imgwire.client.upload.UploadSource;
import dev.imgwire.emulator.EmulatorOperation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code listAll} and {@code listPages} of {@link ImgwireImagesTemplate} as lazy streams:
 * a page per page reached, and a subscription that ends when the caller stops.
 */
@Timeout(60)
class ImgwireTemplateStreamTests extends EmulatorTestSupport {

	private final CountDownLatch cancelledRequests = new CountDownLatch(1);

	/**
	 * A template whose client counts down {@link #cancelledRequests} when a request in
	 * flight is cancelled.
	 */
	private ImgwireTemplate template(Duration blockTimeout) {
		ExchangeFilterFunction recordCancel = (request, next) -> next.exchange(request)
			.doOnCancel(this.cancelledRequests::countDown);
		ImgwireClient client = ImgwireClient.builder(this.wire.webClientBuilder().filter(recordCancel), settings())
			.retryPolicy(FAST_RETRIES)
			.build();
		return new ImgwireTemplate(client, blockTimeout);
	}

	private List<Image> uploadImages(int count) {
		ImgwireImagesTemplate images = new ImgwireTemplate(rootClient(), TIMEOUT).images();
		return Stream.iterate(0, (i) -> i + 1)
			.limit(count)
			.map((i) -> images.upload(UploadSource.fromBytes(TestImages.png()),
					UploadOptions.defaults().withFileName("image-" + i + ".png")))
			.toList();
	}

	private static long listRequests() {
		return emulator.state().requestCount(EmulatorOperation.LIST);
	}

	@Nested
	class Laziness {

		@Test
		void listAllStreamsEveryImageInOrderAcrossPages() {
			List<Image> uploaded = uploadImages(5);

			try (Stream<Image> images = template(TIMEOUT).images().listAll(2)) {
				assertThat(images.map(Image::id).toList())
					.containsExactlyElementsOf(uploaded.stream().map(Image::id).toList());
			}
			assertThat(listRequests()).isEqualTo(3);
		}

		@Test
		void listPagesStreamsEveryPage() {
			uploadImages(5);

			try (Stream<Page<Image>> pages = template(TIMEOUT).images().listPages(2)) {
				assertThat(pages.map((page) -> page.items().size()).toList()).containsExactly(2, 2, 1);
			}
			assertThat(listRequests()).isEqualTo(3);
		}

		@Test
		void nothingIsSentBeforeTheFirstImageIsNeeded() {
			uploadImages(2);

			try (Stream<Image> images = template(TIMEOUT).images().listAll(1)) {
				Iterator<Image> iterator = images.iterator();
				assertThat(listRequests()).isZero();
				assertThat(iterator.hasNext()).isTrue();
				assertThat(listRequests()).isEqualTo(1);
			}
		}

		@Test
		void takingTheFirstThreeImagesOfFivePagesFetchesOnlyTheFirstPage() {
			List<Image> uploaded = uploadImages(15);

			try (Stream<Image> images = template(TIMEOUT).images().listAll(3)) {
				assertThat(images.limit(3).map(Image::id).toList())
					.containsExactlyElementsOf(uploaded.subList(0, 3).stream().map(Image::id).toList());
			}
			assertThat(listRequests()).isEqualTo(1);
		}

		@Test
		void theFourthImageFetchesTheSecondPage() {
			uploadImages(6);

			try (Stream<Image> images = template(TIMEOUT).images().listAll(3)) {
				assertThat(images.skip(3).findFirst()).isPresent();
			}
			assertThat(listRequests()).isEqualTo(2);
		}

	}

	@Nested
	class StoppingEarly {

		@Test
		void closingTheStreamCancelsThePageInFlightAndWakesItsCaller() throws Exception {
			uploadImages(2);
			Stream<Image> images = template(TIMEOUT).images().listAll(1);
			Iterator<Image> iterator = images.iterator();
			iterator.next();
			emulator.faults().next(EmulatorOperation.LIST, 1).stall(Duration.ofMinutes(1));
			CompletableFuture<Boolean> secondPage = CompletableFuture.supplyAsync(iterator::hasNext);
			awaitListRequests(2);

			images.close();

			assertThat(ImgwireTemplateStreamTests.this.cancelledRequests.await(10, TimeUnit.SECONDS)).isTrue();
			assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> secondPage.get(10, TimeUnit.SECONDS))
				.withCauseInstanceOf(CancellationException.class)
				.withMessageContaining("images.list was closed");
		}

		@Test
		void findFirstSendsOneRequestAndLeavesNothingInFlight() {
			uploadImages(4);

			Optional<Image> first = template(TIMEOUT).images().listAll(2).findFirst();

			assertThat(first).isPresent();
			assertThat(listRequests()).isEqualTo(1);
			assertThat(ImgwireTemplateStreamTests.this.cancelledRequests.getCount()).isOne();
		}

		@Test
		void aStreamAbandonedAfterFindFirstIsCancelledOnceUnreachable() throws InterruptedException {
			CountDownLatch cancelled = new CountDownLatch(1);
			Flux<Integer> source = Flux.range(1, 10).doOnCancel(cancelled::countDown);

			findFirstAndAbandon(source);

			long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
			while (!cancelled.await(50, TimeUnit.MILLISECONDS) && System.nanoTime() < deadline) {
				System.gc();
			}
			assertThat(cancelled.getCount()).isZero();
		}

		@Test
		void closingAStreamThatWasNeverUsedSendsNothing() {
			template(TIMEOUT).images().listAll(10).close();

			assertThat(emulator.state().totalRequests()).isZero();
		}

		private static void findFirstAndAbandon(Flux<Integer> source) {
			Blocking blocking = new Blocking(TIMEOUT, ObservationRegistry.NOOP);
			assertThat(blocking.stream(ImgwireOperation.LIST, () -> source).findFirst()).hasValue(1);
		}

		private static void awaitListRequests(long count) throws InterruptedException {
			long deadline = System.nanoTime() + TIMEOUT.toNanos();
			while (listRequests() < count && System.nanoTime() < deadline) {
				Thread.sleep(10);
			}
			assertThat(listRequests()).isEqualTo(count);
		}

	}

	@Nested
	class Failures {

		@Test
		void aPageThatOutlastsTheBlockTimeoutFailsTheStreamAndIsCancelled() throws InterruptedException {
			uploadImages(1);
			emulator.faults().next(EmulatorOperation.LIST, 1).stall(Duration.ofMinutes(1));

			try (Stream<Image> images = template(Duration.ofMillis(300)).images().listAll(10)) {
				assertThatExceptionOfType(ImgwireTimeoutException.class).isThrownBy(images::toList)
					.withMessageContaining("images.list did not finish within the block timeout of 300ms");
			}
			assertThat(ImgwireTemplateStreamTests.this.cancelledRequests.await(10, TimeUnit.SECONDS)).isTrue();
		}

		@Test
		void aPageThatFailsThrowsItsExceptionUnwrappedAfterRetries() {
			uploadImages(1);
			emulator.faults().next(EmulatorOperation.LIST, 3).respondWith(500);

			try (Stream<Image> images = template(TIMEOUT).images().listAll(10)) {
				assertThatExceptionOfType(ImgwireServerException.class).isThrownBy(images::toList)
					.satisfies((ex) -> assertThat(ex.getAttempts()).isEqualTo(3));
			}
		}

		@Test
		void anInvalidLimitFailsOnFirstUseAndSendsNothing() {
			try (Stream<Image> images = template(TIMEOUT).images().listAll(0)) {
				assertThatExceptionOfType(ImgwireRequestValidationException.class).isThrownBy(images::toList)
					.satisfies((ex) -> assertThat(ex.getField()).isEqualTo("limit"));
			}
			assertThat(emulator.state().totalRequests()).isZero();
		}

	}

}
