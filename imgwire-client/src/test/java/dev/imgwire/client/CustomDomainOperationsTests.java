package dev.imgwire.client;

import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.imgwire.client.domain.CertificateStatus;
import dev.imgwire.client.domain.CustomDomain;
import dev.imgwire.client.domain.CustomDomainStatus;
import dev.imgwire.client.domain.ImgwireCustomDomainClient;
import dev.imgwire.client.error.ImgwireApiException;
import dev.imgwire.client.error.ImgwireNotFoundException;
import dev.imgwire.client.error.ImgwireRequestValidationException;
import dev.imgwire.client.error.ImgwireTransportException;
import dev.imgwire.emulator.EmulatorOperation;

import static dev.imgwire.client.ErrorMappingTests.failure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The custom domain client against the emulator.
 */
class CustomDomainOperationsTests extends EmulatorTestSupport {

	private ImgwireCustomDomainClient customDomain() {
		return rootClient().customDomain();
	}

	@Nested
	class Operations {

		@Test
		void createReturnsThePendingDomainWithItsDnsRecords() {
			CustomDomain domain = customDomain().create("Images.Example.com").block(TIMEOUT);

			assertThat(domain.hostname()).isEqualTo("images.example.com");
			assertThat(domain.status()).isEqualTo(CustomDomainStatus.PENDING);
			assertThat(domain.certificateStatus()).isEqualTo(CertificateStatus.PENDING);
			assertThat(domain.lastVerifiedAt()).isNull();
			assertThat(domain.cnameRecord()).isNotBlank();
			assertThat(domain.cnameValue()).isNotBlank();
			assertThat(domain.dcvCnameRecord()).isNotBlank();
			assertThat(domain.dcvCnameValue()).isNotBlank();
			WireRecorder.RecordedRequest request = CustomDomainOperationsTests.this.wire.last();
			assertThat(request.method()).isEqualTo("POST");
			assertThat(request.pathAndQuery()).isEqualTo("/api/v1/custom_domain/");
		}

		@Test
		void testConnectionLeavesTheDomainPendingOnceThenConnectsIt() {
			ImgwireCustomDomainClient client = customDomain();
			client.create("cdn.example.com").block(TIMEOUT);

			CustomDomain first = client.testConnection().block(TIMEOUT);
			CustomDomain second = client.testConnection().block(TIMEOUT);

			assertThat(first.status()).isEqualTo(CustomDomainStatus.PENDING);
			assertThat(first.lastVerifiedAt()).isNotNull();
			assertThat(second.status()).isEqualTo(CustomDomainStatus.CONNECTED);
			assertThat(second.certificateStatus()).isEqualTo(CertificateStatus.ACTIVE);
			assertThat(client.retrieve().block(TIMEOUT)).isEqualTo(second);
		}

		@Test
		void aSecondDomainIsRefusedByTheApi() {
			ImgwireCustomDomainClient client = customDomain();
			client.create("one.example.com").block(TIMEOUT);

			ImgwireApiException ex = failure(client.create("two.example.com"), ImgwireApiException.class);

			assertThat(ex.getStatusCode()).isBetween(400, 499);
		}

		@Test
		void afterDeleteThereIsNoDomainToRetrieve() {
			ImgwireCustomDomainClient client = customDomain();
			client.create("gone.example.com").block(TIMEOUT);

			assertThat(client.delete().block(TIMEOUT)).isNotEmpty();

			failure(client.retrieve(), ImgwireNotFoundException.class);
			failure(client.delete(), ImgwireNotFoundException.class);
		}

	}

	@Nested
	class Validation {

		@ParameterizedTest
		@ValueSource(strings = { "", " ", "localhost", "-bad.example.com", "bad-.example.com", "a..example.com",
				"under_score.example.com", "https://images.example.com" })
		void aHostnameThatIsNoDnsNameIsRefusedBeforeAnythingIsSent(String hostname) {
			ImgwireRequestValidationException ex = failure(customDomain().create(hostname),
					ImgwireRequestValidationException.class);

			assertThat(ex.getField()).isEqualTo("hostname");
			assertThat(CustomDomainOperationsTests.this.wire.requests()).isEmpty();
		}

	}

	@Nested
	class Retries {

		@Test
		void aDeleteWhoseAnswerWasLostSucceedsAlthoughTheRetryFindsTheDomainGone() {
			customDomain().create("lost.example.com").block(TIMEOUT);
			emulator.faults().next(EmulatorOperation.DELETE_CUSTOM_DOMAIN, 1).loseResponse();

			Map<String, String> answer = customDomain().delete().block(TIMEOUT);

			assertThat(answer).isEmpty();
			assertThat(emulator.state().requestCount(EmulatorOperation.DELETE_CUSTOM_DOMAIN)).isEqualTo(2);
		}

		@Test
		void aCreateWhoseAnswerWasLostIsNotSentTwice() {
			emulator.faults().next(EmulatorOperation.CREATE_CUSTOM_DOMAIN, 1).loseResponse();

			failure(customDomain().create("once.example.com"), ImgwireTransportException.class);

			assertThat(emulator.state().requestCount(EmulatorOperation.CREATE_CUSTOM_DOMAIN)).isEqualTo(1);
		}

		@Test
		void aTestConnectionAnsweredWithAServerErrorIsRetried() {
			customDomain().create("retry.example.com").block(TIMEOUT);
			emulator.faults().next(EmulatorOperation.TEST_CUSTOM_DOMAIN_CONNECTION, 1).respondWith(502);

			customDomain().testConnection().block(TIMEOUT);

			assertThat(emulator.state().requestCount(EmulatorOperation.TEST_CUSTOM_DOMAIN_CONNECTION)).isEqualTo(2);
		}

	}

}
