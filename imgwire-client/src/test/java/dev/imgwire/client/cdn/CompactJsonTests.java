package dev.imgwire.client.cdn;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The JSON written for object values: compact, sorted, integral numbers without a
 * fraction.
 */
class CompactJsonTests {

	@Test
	void keysAreSortedAtEveryLevelAndNothingIsIndented() {
		Map<String, Object> inner = new LinkedHashMap<>();
		inner.put("z", 1);
		inner.put("a", 2);
		Map<String, Object> outer = new LinkedHashMap<>();
		outer.put("list", List.of(inner, "x", true));
		outer.put("b", false);
		assertThat(CompactJson.write(outer)).isEqualTo("{\"b\":false,\"list\":[{\"a\":2,\"z\":1},\"x\",true]}");
	}

	@Test
	void integralNumbersHaveNoFractionalPart() {
		assertThat(CompactJson
			.write(List.of(2.0, 2.5f, 7L, new BigDecimal("1.50"), new BigDecimal("1E+3"), BigInteger.TEN, 1e20, -0.0)))
			.isEqualTo("[2,2.5,7,1.5,1000,10,100000000000000000000,0]");
	}

	@Test
	void stringsAreEscaped() {
		assertThat(CompactJson.write("say \"hi\"\\\n\t\u0001é")).isEqualTo("\"say \\\"hi\\\"\\\\\\n\\t\\u0001é\"");
	}

	@Test
	void whatJsonCannotHoldIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> CompactJson.write(Double.NaN));
		assertThatIllegalArgumentException().isThrownBy(() -> CompactJson.write(Map.of(1, "one")));
		assertThatIllegalArgumentException().isThrownBy(() -> CompactJson.write(new Object()));
	}

}
