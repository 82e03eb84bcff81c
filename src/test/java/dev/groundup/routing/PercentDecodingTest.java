package dev.groundup.routing;

import dev.groundup.http.PercentDecoding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundup.errors.Problem;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Percent-decoding; properties run over {@link Generated} inputs. */
class PercentDecodingTest {

    @Test
    void decodingUndoesEncodingOfAnyText() {
        for (String s : Generated.strings(Generated.CASES, 0, 40)) {
            assertThat(PercentDecoding.segment(RouterTest.encodeAll(s))).as(s).isEqualTo(s);
            assertThat(PercentDecoding.segment(RouterTest.encodeSegment(s))).as(s).isEqualTo(s);
            assertThat(PercentDecoding.formComponent(URLEncoder.encode(s, StandardCharsets.UTF_8), "The address")).as(s).isEqualTo(s);
        }
    }

    @Test
    void anyInputDecodesOrIsA400NeverAnythingElse() {
        List<String> pieces = List.of("%", "0", "2", "7", "8", "C", "c", "3", "A", "F", "f", "E", "D", "x", "z", "+", "é");
        List<String> inputs = new java.util.ArrayList<>(Generated.joined(5 * Generated.CASES, pieces, "", p -> p));
        inputs.addAll(Generated.strings(Generated.CASES, 0, 12));
        for (String raw : inputs) {
            try {
                String decoded = PercentDecoding.segment(raw);
                if (!raw.contains("\uFFFD")) {
                    assertThat(decoded).as(raw).doesNotContain("\uFFFD"); // never a silent replacement character
                }
            } catch (Problem p) {
                assertThat(p.status()).as(raw).isEqualTo(400);
            }
        }
    }

    @Test
    void textWithoutEscapesIsReturnedAsIs() {
        String plain = "plaintext";
        assertThat(PercentDecoding.segment(plain)).isSameAs(plain);
    }

    @Test
    void plusIsASpaceOnlyInTheQuery() {
        assertThat(PercentDecoding.segment("a+b")).isEqualTo("a+b");
        assertThat(PercentDecoding.formComponent("a+b", "The address")).isEqualTo("a b");
        assertThat(PercentDecoding.formComponent("a%2Bb", "The address")).isEqualTo("a+b");
    }
}
