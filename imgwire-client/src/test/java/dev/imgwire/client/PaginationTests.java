package dev.imgwire.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.WebClient;

import dev.imgwire.client.error.ImgwireNotFoundException;
import dev.imgwire.client.model.Image;
import dev.imgwire.client.model.Page;
import dev.imgwire.client.model.Pagination;
import dev.imgwire.emulator.EmulatorOperation;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pagination headers however the server spells them, and lazy iteration over pages: a
 * page fetched only for demand, the next one while this one is consumed when the demand
 * reaches beyond it, never more than two at a time.
 */
class PaginationTests extends EmulatorTestSupport {

	@ParameterizedTest
	@ValueSource(strings = { "", "null", "None", "none", "NONE", "NULL", "garbage", "1.5", "-3", "0" })
	void aNextOrPreviousPageThatIsBlankNullNoneOrGarbageMeansThereIsNone(String value) {
		ImgwireImagesClient client = client();
		uploadPng(client, "a.png");
		uploadPng(client, "b.png");
		emulator.faults()
			.next(EmulatorOperation.LIST, 1)
			.overrideHeaders(Map.of("X-Next-Page", value, "X-Prev-Page", value));

		Pagination pagination = client.list(2, 1).block(TIMEOUT).pagination();

		assertThat(pagination.nextPage()).isNull();
		assertThat(pagination.prevPage()).isNull();
		assertThat(pagination.hasNext()).isFalse();
		assertThat(pagination.page()).isEqualTo(2);
	}

	@Test
	void unreadableCountsFallBackToTheRequestAndTheBody() {
		ImgwireImagesClient client = client();
		uploadPng(client, "a.png");
		uploadPng(client, "b.png");
		uploadPng(client, "c.png");
		emulator.faults()
			.next(EmulatorOperation.LIST, 1)
			.overrideHeaders(Map.of("X-Total-Count", "lots", "X-Page", "None", "X-Limit", "", "X-Next-Page", "3"));

		Pagination pagination = client.list(2, 1).block(TIMEOUT).pagination();

		assertThat(pagination.page()).isEqualTo(2);
		assertThat(pagination.limit()).isEqualTo(1);
		assertThat(pagination.totalCount()).isEqualTo(2);
		assertThat(pagination.nextPage()).isEqualTo(3);
	}

	@Test
	void absentPaginationHeadersMeanASinglePage() {
		ImgwireImagesClient client = client();
		Image image = uploadPng(client, "only.png");
		String body = "[" + emulatorImageJson(image) + "]";
		emulator.faults()
			.next(EmulatorOperation.LIST, 1)
			.respondRaw(200, Map.of("Content-Type", "application/json"), body);

		Page<Image> page = client.list(1, 20).block(TIMEOUT);

		assertThat(page.items()).extracting(Image::id).containsExactly(image.id());
		assertThat(page.pagination()).isEqualTo(new Pagination(1, 1, 20, null, null));
	}

	@Test
	void listPagesFollowsNextPageAndAsksForTheLimitTheServerReported() {
		ImgwireImagesClient client = clientWithImages(5);
		emulator.faults().next(EmulatorOperation.LIST, 1).overrideHeaders(Map.of("X-Limit", "3"));

		List<Page<Image>> pages = client.listPages(2).collectList().block(TIMEOUT);

		assertThat(pages).hasSize(2);
		assertThat(this.wire.requests()).extracting(WireRecorder.RecordedRequest::pathAndQuery)
			.containsExactly("/api/v1/images/?page=1&limit=2", "/api/v1/images/?page=2&limit=3");
	}

	@Test
	void listAllStreamsEveryImageInOrderAcrossPages() {
		ImgwireImagesClient client = client();
		List<Image> uploaded = Stream.iterate(0, (i) -> i + 1)
			.limit(5)
			.map((i) -> uploadPng(client, "image-" + i + ".png"))
			.toList();

		List<Image> all = client.listAll(2).collectList().block(TIMEOUT);

		// The emulator lists oldest first.
		assertThat(all).extracting(Image::id).containsExactlyElementsOf(uploaded.stream().map(Image::id).toList());
		assertThat(emulator.state().requestCount(EmulatorOperation.LIST)).isEqualTo(3);
	}

	@Test
	void listPagesFetchesAPageOnlyWhenTheSubscriberAsksForIt() {
		ImgwireImagesClient client = clientWithImages(5);

		StepVerifier.create(client.listPages(2), 0)
			.expectSubscription()
			.then(() -> assertThat(listRequests()).isZero())
			.thenRequest(1)
			.expectNextCount(1)
			.then(() -> assertThat(listRequests()).isEqualTo(1))
			.thenRequest(1)
			.expectNextCount(1)
			.then(() -> assertThat(listRequests()).isEqualTo(2))
			.thenCancel()
			.verify(TIMEOUT);
		assertThat(listRequests()).isEqualTo(2);
	}

	@Test
	void listAllFetchesTheNextPageOnlyWhenTheCurrentOneIsUsedUp() {
		ImgwireImagesClient client = clientWithImages(5);

		StepVerifier.create(client.listAll(2), 0)
			.thenRequest(1)
			.expectNextCount(1)
			.then(() -> assertThat(listRequests()).isEqualTo(1))
			.thenRequest(1)
			.expectNextCount(1)
			.then(() -> assertThat(listRequests()).isEqualTo(1))
			.thenRequest(1)
			.expectNextCount(1)
			.then(() -> assertThat(listRequests()).isEqualTo(2))
			.thenCancel()
			.verify(TIMEOUT);
	}

	@Test
	void aCancelThatArrivesWhileAPageRequestIsBeingSubscribedCancelsThatRequest() throws InterruptedException {
		uploadPng(client(), "a.png");
		uploadPng(client(), "b.png");
		CountDownLatch secondPageCancelled = new CountDownLatch(1);
		BaseSubscriber<Image> subscriber = new BaseSubscriber<>() {

			@Override
			protected void hookOnSubscribe(Subscription subscription) {
				request(1);
			}

			@Override
			protected void hookOnNext(Image image) {
				request(1);
			}

		};
		AtomicInteger lists = new AtomicInteger();
		// The second page's request cancels the iteration while it is being subscribed,
		// the narrowest window there is, and then stalls, so that only a cancel ends it.
		ExchangeFilterFunction cancelWhileSubscribing = (request, next) -> {
			if (lists.incrementAndGet() != 2) {
				return next.exchange(request);
			}
			emulator.faults().next(EmulatorOperation.LIST, 1).stall(Duration.ofMinutes(1));
			subscriber.cancel();
			return next.exchange(request).doOnCancel(secondPageCancelled::countDown);
		};
		ImgwireImagesClient client = ImgwireImagesClient
			.builder(this.wire.webClientBuilder().filter(cancelWhileSubscribing), settings())
			.retryPolicy(FAST_RETRIES)
			.build();

		client.listAll(1).subscribe(subscriber);

		assertThat(secondPageCancelled.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
		assertThat(lists).hasValue(2);
	}

	@Test
	void aNextPageThatPointsBackwardsEndsTheIterationInsteadOfLooping() {
		ImgwireImagesClient client = client();
		uploadPng(client, "a.png");
		uploadPng(client, "b.png");
		emulator.faults().next(EmulatorOperation.LIST, 1).overrideHeaders(Map.of("X-Next-Page", "1"));

		List<Page<Image>> pages = client.listPages(1).collectList().block(TIMEOUT);

		assertThat(pages).hasSize(1);
		assertThat(listRequests()).isEqualTo(1);
	}

	@Test
	void aSubscriberThatRequestsOneImageCausesExactlyOnePageRequest() {
		ImgwireImagesClient client = clientWithImages(3);

		StepVerifier.create(client.listAll(2), 0)
			.thenRequest(1)
			.expectNextCount(1)
			.thenAwait(Duration.ofMillis(300))
			.then(() -> assertThat(listRequests()).isEqualTo(1))
			.thenCancel()
			.verify(TIMEOUT);
		assertThat(listRequests()).isEqualTo(1);
	}

	@Test
	void demandForExactlyOnePageCausesOnePageRequest() {
		ImgwireImagesClient client = clientWithImages(5);

		StepVerifier.create(client.listAll(2), 2)
			.expectNextCount(2)
			.thenAwait(Duration.ofMillis(300))
			.then(() -> assertThat(listRequests()).isEqualTo(1))
			.thenCancel()
			.verify(TIMEOUT);
		assertThat(listRequests()).isEqualTo(1);
	}

	@Test
	void demandBeyondThePageRequestsTheNextOneBeforeThisOnesItemsAreEmitted() {
		ImgwireImagesClient client = clientWithImages(5);
		AtomicInteger clock = new AtomicInteger();
		Map<String, Integer> requested = new ConcurrentHashMap<>();
		ImgwireImagesClient recorded = ImgwireImagesClient
			.builder(this.wire.webClientBuilder().filter((request, next) -> {
				requested.put(request.url().getRawQuery(), clock.incrementAndGet());
				return next.exchange(request);
			}), settings())
			.build();
		List<Integer> received = new CopyOnWriteArrayList<>();

		StepVerifier.create(recorded.listAll(2).doOnNext((image) -> received.add(clock.incrementAndGet())), 3)
			.expectNextCount(3)
			.thenAwait(Duration.ofMillis(300))
			.thenCancel()
			.verify(TIMEOUT);

		// The second page was asked for as soon as the first one's headers were in.
		assertThat(requested.get("page=2&limit=2")).isLessThan(received.get(0));
		assertThat(listRequests()).isEqualTo(2);
	}

	@Test
	void neverMoreThanTwoPagesAreInFlight() {
		ImgwireImagesClient client = client();
		List<Image> uploaded = Stream.iterate(0, (i) -> i + 1)
			.limit(9)
			.map((i) -> uploadPng(client, "image-" + i + ".png"))
			.toList();
		AtomicInteger started = new AtomicInteger();
		AtomicInteger emitted = new AtomicInteger();
		AtomicInteger mostInFlight = new AtomicInteger();
		// The first page's body comes late, long after the second page has arrived; the
		// third must still wait for the first to be emitted.
		ImgwireImagesClient recorded = ImgwireImagesClient
			.builder(this.wire.webClientBuilder().filter((request, next) -> {
				// Pages of two: a page is done once both its images were emitted.
				int inFlight = started.incrementAndGet() - emitted.get() / 2;
				mostInFlight.accumulateAndGet(inFlight, Math::max);
				return next.exchange(request)
					.map((response) -> request.url().getRawQuery().startsWith("page=1&")
							? response.mutate().body((body) -> body.delaySubscription(Duration.ofMillis(300))).build()
							: response);
			}), settings())
			.build();

		List<Image> all = recorded.listAll(2)
			.doOnNext((image) -> emitted.incrementAndGet())
			.collectList()
			.block(TIMEOUT);

		assertThat(all).extracting(Image::id).containsExactlyElementsOf(uploaded.stream().map(Image::id).toList());
		assertThat(mostInFlight).hasValue(2);
		assertThat(listRequests()).isEqualTo(5);
	}

	@Test
	void aNextPageThatArrivesFirstStillComesAfterTheCurrentOne() {
		ImgwireImagesClient client = client();
		List<Image> uploaded = Stream.iterate(0, (i) -> i + 1)
			.limit(5)
			.map((i) -> uploadPng(client, "image-" + i + ".png"))
			.toList();
		// The first page's body comes late, long after the second page has arrived.
		ImgwireImagesClient slowFirstPage = ImgwireImagesClient.builder(this.wire.webClientBuilder()
			.filter((request, next) -> next.exchange(request)
				.map((response) -> request.url().getRawQuery().startsWith("page=1&")
						? response.mutate().body((body) -> body.delaySubscription(Duration.ofMillis(300))).build()
						: response)),
				settings())
			.build();

		List<Image> all = slowFirstPage.listAll(2).collectList().block(TIMEOUT);

		assertThat(all).extracting(Image::id).containsExactlyElementsOf(uploaded.stream().map(Image::id).toList());
	}

	@Test
	void aNextPageThatFailsFailsTheStreamAfterTheCurrentPagesItems() {
		ImgwireImagesClient client = clientWithImages(5);
		ImgwireImagesClient failingSecondPage = ImgwireImagesClient
			.builder(this.wire.webClientBuilder().filter((request, next) -> {
				if (request.url().getRawQuery().startsWith("page=2&")) {
					return Mono.just(ClientResponse.create(HttpStatus.NOT_FOUND)
						.header("Content-Type", "application/json")
						.body("{\"detail\":\"gone\"}")
						.build());
				}
				return next.exchange(request);
			}), settings())
			.build();

		StepVerifier.create(failingSecondPage.listAll(2))
			.expectNextCount(2)
			.expectError(ImgwireNotFoundException.class)
			.verify(TIMEOUT);
	}

	@Test
	void cancellingWhileTheNextPageIsInFlightCancelsItsRequest() throws InterruptedException {
		ImgwireImagesClient client = clientWithImages(5);
		CountDownLatch secondPageCancelled = new CountDownLatch(1);
		ImgwireImagesClient stalledSecondPage = ImgwireImagesClient
			.builder(this.wire.webClientBuilder().filter((request, next) -> {
				if (request.url().getRawQuery().startsWith("page=2&")) {
					return Mono.<ClientResponse>never().doOnCancel(secondPageCancelled::countDown);
				}
				return next.exchange(request);
			}), settings())
			.build();

		StepVerifier.create(stalledSecondPage.listAll(2), 3).expectNextCount(2).thenCancel().verify(TIMEOUT);

		assertThat(secondPageCancelled.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
	}

	private long listRequests() {
		return emulator.state().requestCount(EmulatorOperation.LIST);
	}

	private static String emulatorImageJson(Image image) {
		return WebClient.create(emulator.baseUrl())
			.get()
			.uri("/api/v1/images/{id}", image.id())
			.headers((headers) -> headers.setBearerAuth(emulator.serverKey()))
			.retrieve()
			.bodyToMono(String.class)
			.block(TIMEOUT);
	}

	private ImgwireImagesClient clientWithImages(int count) {
		ImgwireImagesClient client = client();
		for (int i = 0; i < count; i++) {
			uploadPng(client, "image-" + i + ".png");
		}
		return client;
	}

}
