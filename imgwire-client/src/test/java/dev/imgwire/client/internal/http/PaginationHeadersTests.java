package dev.imgwire.client.internal.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.HttpHeaders;

import dev.imgwire.client.model.Pagination;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Header values the emulator cannot send (surrounding whitespace) and edge values.
 */
class PaginationHeadersTests {

	@ParameterizedTest
	@ValueSource(strings = { " ", "  None ", "\\tnull", " nOnE" })
	void paddedNoneNullAndBlankMeanNoPage(String value) {
		HttpHeaders headers = new HttpHeaders();
		headers.set("X-Next-Page", value.replace("\\t", "\t"));

		assertThat(PaginationHeaders.parse(headers, 1, 20, 0).nextPage()).isNull();
	}

	@Test
	void paddedNumbersAreRead() {
		HttpHeaders headers = new HttpHeaders();
		headers.set("X-Total-Count", " 41 ");
		headers.set("X-Page", " 2");
		headers.set("X-Limit", "20 ");
		headers.set("X-Prev-Page", "1");
		headers.set("X-Next-Page", " 3 ");

		assertThat(PaginationHeaders.parse(headers, 9, 9, 20)).isEqualTo(new Pagination(41, 2, 20, 1, 3));
	}

	@Test
	void numbersBeyondAnIntAreTreatedAsUnreadable() {
		HttpHeaders headers = new HttpHeaders();
		headers.set("X-Page", "99999999999");
		headers.set("X-Next-Page", "99999999999");
		headers.set("X-Limit", "-1");

		Pagination pagination = PaginationHeaders.parse(headers, 4, 10, 3);

		assertThat(pagination.page()).isEqualTo(4);
		assertThat(pagination.limit()).isEqualTo(10);
		assertThat(pagination.nextPage()).isNull();
		assertThat(pagination.totalCount()).isEqualTo(33);
	}

}
